package newsbot.ops;

/** {@code {"status":"ok"}} or {@code {"status":"unhealthy","problems":["..."]}}: short enough to read in a probe log. */
final class HealthJson {

    private HealthJson() {
    }

    static String of(HealthCheck.Report report) {
        // a pair's instance: {"status":"ok","role":"standby","instance":"b"}
        String pair = report.role().map(r -> ",\"role\":" + quote(r.substring(0, r.indexOf(' ')))
                + ",\"instance\":" + quote(r.substring(r.indexOf(' ') + 1))).orElse("");
        if (report.healthy()) {
            return "{\"status\":\"ok\"" + pair + "}\n";
        }
        StringBuilder json = new StringBuilder("{\"status\":\"unhealthy\"" + pair + ",\"problems\":[");
        for (int i = 0; i < report.problems().size(); i++) {
            json.append(i == 0 ? "" : ",").append(quote(report.problems().get(i)));
        }
        return json.append("]}\n").toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
