# Build stage: the same command as README's build step.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B -DskipTests package

# Runtime stage: a JRE only, running as a non-root user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app newsbot \
    && mkdir -p /app /data \
    && chown newsbot /data
WORKDIR /app
COPY --from=build /src/target/newsbot.jar /app/newsbot.jar
COPY bot.properties.example /app/bot.properties.example
# The database lives on a volume; override any key with NEWSBOT_* variables.
VOLUME /data
ENV NEWSBOT_DB_PATH=/data/newsbot.db
USER newsbot
# GET /health on the default http.port, with bash's /dev/tcp (the JRE image has no curl): 200 or unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# Mount your own config at /app/bot.properties (or keep the example and set NEWSBOT_* variables).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/newsbot.jar"]
CMD ["--config", "/app/bot.properties.example"]
