package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code telegram.proxy=socks5://host:port}: the Bot API client tunnels through a SOCKS5 proxy on loopback. */
class SocksProxyTest {

    FakeBotApi telegram;
    ServerSocket socks;
    final List<String> connects = new CopyOnWriteArrayList<>();
    final List<Socket> open = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        telegram = FakeBotApi.start();
        socks = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "socks-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        socks.close();
        for (Socket s : open) {
            s.close();
        }
        telegram.close();
    }

    @Test
    void callsTunnelThroughTheSocksProxy() {
        ProxyRoute route = new ProxyRoute(new Proxy(Proxy.Type.SOCKS,
                InetSocketAddress.createUnresolved("127.0.0.1", socks.getLocalPort())), Optional.empty());
        try (TelegramClientFactory factory = new TelegramClientFactory(telegram.token(), telegram.telegramUrl(),
                TelegramClientFactory.Timeouts.DEFAULTS, route, Clock.systemUTC())) {
            assertThat(new TelegramGateway(factory.telegramClient()).deleteWebhook())
                    .isInstanceOf(SendOutcome.Delivered.class);
        }
        assertThat(telegram.requestCount("deleteWebhook")).isEqualTo(1);
        assertThat(connects).isNotEmpty().allSatisfy(c -> assertThat(c).endsWith(":" + telegram.port()));
    }

    /** A minimal SOCKS5 server: no authentication, CONNECT only, to loopback only. */
    private void accept() {
        while (!socks.isClosed()) {
            try {
                Socket client = socks.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "socks-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            if (in.readUnsignedByte() != 5) {
                client.close();
                return;
            }
            in.readFully(new byte[in.readUnsignedByte()]); // offered methods
            out.write(new byte[] {5, 0}); // no authentication
            byte[] head = new byte[4];
            in.readFully(head);
            String host = switch (head[3]) {
                case 1 -> {
                    byte[] a = new byte[4];
                    in.readFully(a);
                    yield InetAddress.getByAddress(a).getHostAddress();
                }
                case 3 -> {
                    byte[] name = new byte[in.readUnsignedByte()];
                    in.readFully(name);
                    yield new String(name, StandardCharsets.US_ASCII);
                }
                default -> throw new IOException("address type " + head[3]);
            };
            int port = in.readUnsignedShort();
            connects.add(host + ":" + port);
            if (head[1] != 1 || !host.equals("127.0.0.1")) {
                out.write(new byte[] {5, 2, 0, 1, 0, 0, 0, 0, 0, 0}); // not allowed: loopback only
                client.close();
                return;
            }
            Socket upstream = new Socket(host, port);
            open.add(upstream);
            out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
            Thread back = new Thread(() -> pipe(upstream, client), "socks-back");
            back.setDaemon(true);
            back.start();
            pipe(client, upstream);
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        }
    }
}
