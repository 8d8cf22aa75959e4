import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;

/**
 * The client side of scripts/bench-streams.sh (java's single-file launcher, with the project's test class path for
 * Jetty's HTTP/2 client). Opens event streams in steps, over HTTP/1.1 on plain non-blocking sockets from several
 * loopback source addresses, or over HTTP/2 cleartext many to a connection (BENCH_PROTO=h2c), and at each step
 * prints the server's threads and heap, a third party's read latency, and how long a reply takes to reach
 * every open stream; then the same again while 400 connections trickle their requests (BENCH_TRICKLES).
 *
 * <p>Usage: java StreamBench.java URLS ADMIN_TOKEN PIDS LEVELS [PER_USER] [REPLIES] [READS]; URLS and PIDS are
 * comma-separated (several nodes: streams are spread over them, replies and reads go to the first).
 */
public class StreamBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    final String[] urls;
    final String admin;
    final String[] pids;
    final int perUser;
    final List<String> users = new ArrayList<>();
    final List<Stream> streams = new ArrayList<>();
    /** BENCH_PROTO=h2c: streams over HTTP/2 cleartext, BENCH_PER_CONNECTION (100) to a connection. */
    final boolean h2 = "h2c".equals(System.getenv("BENCH_PROTO"));
    final int perConnection = Integer.parseInt(System.getenv().getOrDefault("BENCH_PER_CONNECTION", "100"));
    /** BENCH_TRICKLES=N (400): each step is measured again while N connections trickle headers or bodies. */
    final int trickles = Integer.parseInt(System.getenv().getOrDefault("BENCH_TRICKLES", "400"));
    final HTTP2Client h2Client = new HTTP2Client();
    final List<Session> sessions = new ArrayList<>();
    volatile boolean trickling;
    String slowUser;
    int requested;
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    volatile String refusal;
    /**
     * HTTP/1.1 streams are read by as many selector threads as the machine has cores (BENCH_CLIENT_THREADS): one
     * thread reading 5,000 sockets in turn on the same machine would time its own queue, not the service.
     */
    final int clientThreads = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENT_THREADS",
            String.valueOf(Runtime.getRuntime().availableProcessors())));
    Selector[] selectors;
    final List<ConcurrentLinkedQueue<Stream>> toRegister = new ArrayList<>();
    // the reply being timed
    volatile byte[] marker = {0};
    /** Each reading thread's window: a stream's tail and then what it just read. */
    static final ThreadLocal<byte[]> WINDOW = ThreadLocal.withInitial(() -> new byte[Watcher.TAIL + 64 * 1024]);

    static boolean indexOf(byte[] window, int length, byte[] m) {
        outer:
        for (int i = 0; i + m.length <= length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (window[i + j] != m[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
    volatile long sentAt;
    volatile long[] seen;
    final AtomicInteger seenCount = new AtomicInteger();
    int nextSource;

    StreamBench(String[] urls, String admin, String[] pids, int perUser) {
        this.urls = urls;
        this.admin = admin;
        this.pids = pids;
        this.perUser = perUser;
    }

    /**
     * What every open stream does with its body: watches it for the marker of the reply being timed. It reads the
     * bytes where they are and allocates nothing: 5,000 streams allocating a few strings per read made this JVM's
     * own young collections (tens of ms) show up as the service's delivery time.
     */
    abstract class Watcher {
        static final int TAIL = 64; // longer than a marker, which may straddle two reads
        final byte[] tail = new byte[TAIL];
        int tailLength;
        byte[] lastMarker;

        void onBody(ByteBuffer data) {
            byte[] window = WINDOW.get();
            int length = tailLength + data.remaining();
            if (window.length < length) {
                window = new byte[length];
                WINDOW.set(window);
            }
            System.arraycopy(tail, 0, window, 0, tailLength);
            data.get(window, tailLength, data.remaining());
            byte[] m = marker;
            if (m != lastMarker && indexOf(window, length, m)) {
                lastMarker = m;
                long[] times = seen;
                int i = seenCount.getAndIncrement();
                if (times != null && i < times.length) {
                    times[i] = System.nanoTime() - sentAt;
                }
            }
            tailLength = Math.min(TAIL, length);
            System.arraycopy(window, length - tailLength, tail, 0, tailLength);
        }

        void opened(int status, String body) {
            if (status == 200) {
                opened.incrementAndGet();
            } else {
                failed.incrementAndGet();
                if (refusal == null) {
                    refusal = "HTTP " + status + " " + body.replaceAll("\\s+", " ");
                }
            }
        }
    }

    /** One HTTP/1.1 event stream on a socket of its own: parses the response head, then watches the body. */
    final class Stream extends Watcher {
        final SocketChannel channel;
        final byte[] request;
        boolean headDone;
        int status;

        Stream(SocketChannel channel, byte[] request) {
            this.channel = channel;
            this.request = request;
        }

        String head = "";

        /** The response head (once, as text), then the body, read in place. */
        void onData(ByteBuffer data) {
            if (headDone) {
                onBody(data);
                return;
            }
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            String window = head + new String(bytes, StandardCharsets.ISO_8859_1);
            int end = window.indexOf("\r\n\r\n");
            if (end < 0) {
                head = window;
                return;
            }
            headDone = true;
            head = "";
            status = Integer.parseInt(window.substring(9, 12));
            opened(status, window.substring(end + 4));
            if (status != 200) {
                close();
                return;
            }
            onBody(ByteBuffer.wrap(window.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1)));
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing
            }
        }
    }

    /** One HTTP/2 event stream, many to a connection (Jetty's HTTP/2 client, h2c by prior knowledge). */
    final class H2Stream extends Watcher implements org.eclipse.jetty.http2.api.Stream.Listener {
        int status;
        String refused = "";

        @Override
        public void onHeaders(org.eclipse.jetty.http2.api.Stream stream, HeadersFrame frame) {
            if (frame.getMetaData() instanceof MetaData.Response response) {
                status = response.getStatus();
                if (status == 200) {
                    opened(status, "");
                }
            }
            if (frame.isEndStream()) {
                ended();
            } else {
                stream.demand();
            }
        }

        @Override
        public void onDataAvailable(org.eclipse.jetty.http2.api.Stream stream) {
            org.eclipse.jetty.http2.api.Stream.Data data = stream.readData();
            if (data == null) {
                stream.demand();
                return;
            }
            if (status == 200) {
                onBody(data.frame().getByteBuffer());
            } else {
                refused += StandardCharsets.UTF_8.decode(data.frame().getByteBuffer());
            }
            data.release();
            if (data.frame().isEndStream()) {
                ended();
            } else {
                stream.demand();
            }
        }

        @Override
        public void onReset(org.eclipse.jetty.http2.api.Stream stream, ResetFrame frame, Callback callback) {
            ended();
            callback.succeeded();
        }

        void ended() {
            if (status == 200) {
                closed.incrementAndGet();
            } else {
                opened(status == 0 ? 599 : status, refused);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String[] urls = args[0].split(",");
        String admin = args[1];
        String[] pids = args[2].split(",");
        int[] levels = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        int perUser = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        int replies = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        int reads = args.length > 6 ? Integer.parseInt(args[6]) : 1000;
        new StreamBench(urls, admin, pids, perUser).run(levels, replies, reads);
    }

    void run(int[] levels, int replies, int reads) throws Exception {
        if (h2) {
            h2Client.setSelectors(1);
            h2Client.start();
        } else {
            selectors = new Selector[clientThreads];
            for (int i = 0; i < clientThreads; i++) {
                Selector selector = Selector.open();
                ConcurrentLinkedQueue<Stream> queue = new ConcurrentLinkedQueue<>();
                selectors[i] = selector;
                toRegister.add(queue);
                Thread loop = new Thread(() -> selectLoop(selector, queue), "bench-select-" + i);
                loop.setDaemon(true);
                loop.start();
            }
        }
        String agent = token(post(urls[0], admin, "/api/v1/users",
                "{\"name\":\"bench-agent\",\"role\":\"agent\"}"));
        users.add(token(post(urls[0], admin, "/api/v1/users",
                "{\"name\":\"bench-0\",\"role\":\"customer\",\"account\":\"bench\"}")));
        slowUser = token(post(urls[0], admin, "/api/v1/users",
                "{\"name\":\"bench-slow\",\"role\":\"customer\",\"account\":\"slow\"}"));
        long ticket = Long.parseLong(first(ID, post(urls[0], users.get(0), "/api/v1/tickets",
                "{\"title\":\"Bench ticket\",\"body\":\"streams are watching\"}")));
        System.out.println(h2 ? "streams over HTTP/2 cleartext (h2c), " + perConnection + " to a connection"
                : "streams over HTTP/1.1, one connection each");
        System.out.printf("%-14s %-8s %-8s %-9s %-18s %-22s %-24s %-24s %s%n", "streams", "conns", "threads",
                "heap MiB", "3rd-party read ms", "delivery per stream", "delivery to all ms", "server CPU", "load");
        System.out.printf("%-14s %-8s %-8s %-9s %-18s %-22s %-24s %-24s %s%n", "", "", "", "(live)", "p50 / p99",
                "ms p50 / p99", "p50 / p99 / max", "ms (sys) writes/reply", "average");
        String stoppedBecause = null;
        // this process and the service each need some files besides the streams (and the trickles)
        int fdCap = h2 ? Integer.MAX_VALUE : openFileLimit() - 400 - (trickles > 0 ? trickles : 0);
        for (int wanted : levels) {
            int level = Math.min(wanted, fdCap);
            stoppedBecause = openUpTo(level);
            if (stoppedBecause == null && level < wanted) {
                stoppedBecause = "the open-file limit of one process (" + openFileLimit() + ", the hard limit) caps "
                        + "both this client and the service below " + wanted + " HTTP/1.1 streams (one socket each);"
                        + " BENCH_PROTO=h2c shares connections";
            }
            Thread.sleep(2_000); // settle: let accepts and first writes finish
            measure("", agent, ticket, replies, reads);
            if (trickles > 0) {
                List<SocketChannel> slow = openTrickles(trickles);
                measure("+" + slow.size() + " slow", agent, ticket, replies, reads);
                stopTrickles(slow);
            }
            if (stoppedBecause != null) {
                break;
            }
        }
        System.out.println(stoppedBecause == null ? "all levels reached"
                : "stopped at " + (opened.get() - closed.get()) + " open streams: " + stoppedBecause);
        System.exit(0);
    }

    /** One row: threads, live heap, a third party's reads, and replies' delivery to every open stream. */
    void measure(String label, String agent, long ticket, int replies, int reads) throws Exception {
        int open = opened.get() - closed.get();
        String threads = threads();
        String heap = heapMiB();
        double[] read = reads(urls[0], agent, ticket, reads);
        replies(urls[0], agent, ticket, 20, open); // warm-up, not measured: the service's JIT compiles the path
        double[] cpuBefore = cpuMillis();
        long writesBefore = writeCalls();
        double[][] delivery = replies(urls[0], agent, ticket, replies, open);
        double[] cpuAfter = cpuMillis();
        long writes = (writeCalls() - writesBefore) / replies;
        String cpuPerReply = String.format("%.1f (%.0f%% sys)", (cpuAfter[0] - cpuBefore[0]) / replies,
                100 * (cpuAfter[1] - cpuBefore[1]) / Math.max(1, cpuAfter[0] - cpuBefore[0]));
        cpuPerReply += String.format(" %,d", writes);
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        System.out.printf("%-14s %-8d %-8s %-9s %-18s %-22s %-24s %-24s %s%n", open + (label.isEmpty() ? ""
                        : " " + label), h2 ? sessions.size() : open, threads, heap,
                String.format("%.1f / %.1f", read[0], read[1]),
                String.format("%.1f / %.1f", delivery[0][0], delivery[0][1]),
                String.format("%.1f / %.1f / %.1f", delivery[1][0], delivery[1][1], delivery[1][2]),
                cpuPerReply, load);
    }

    /**
     * Opens {@code count} connections that trickle (half their request headers, half a JSON body of a POST) one
     * byte every 2 s, as scripts/bench-slow-clients.sh does, and keeps them trickling until stopTrickles.
     */
    List<SocketChannel> openTrickles(int count) throws Exception {
        URI uri = URI.create(urls[0]);
        List<SocketChannel> slow = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
            String head = "POST /api/v1/tickets HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Bearer "
                    + slowUser + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n";
            // body trickles send their whole head; header trickles stop before the blank line
            String start = i % 2 == 0 ? head + "\r\n{" : "POST /api/v1/tickets HTTP/1.1\r\nHost: x";
            channel.write(ByteBuffer.wrap(start.getBytes(StandardCharsets.US_ASCII)));
            slow.add(channel);
        }
        trickling = true;
        Thread trickler = new Thread(() -> {
            byte[] one = {'x'};
            while (trickling) {
                for (SocketChannel channel : slow) {
                    try {
                        channel.write(ByteBuffer.wrap(one));
                    } catch (IOException e) {
                        // the service cut it
                    }
                }
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-trickle");
        trickler.setDaemon(true);
        trickler.start();
        Thread.sleep(1_000);
        return slow;
    }

    void stopTrickles(List<SocketChannel> slow) throws IOException {
        trickling = false;
        int cut = 0;
        for (SocketChannel channel : slow) {
            channel.configureBlocking(false);
            try {
                if (channel.read(ByteBuffer.allocate(512)) != 0) {
                    cut++;
                }
            } catch (IOException e) {
                cut++;
            }
            channel.close();
        }
        if (cut > 0) {
            System.out.println("  (" + cut + " of " + slow.size() + " trickling connections had been cut by then)");
        }
    }

    /** Opens streams (at most 200 connecting at once) until {@code level} are open; a reason if it could not. */
    String openUpTo(int level) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (opened.get() < level) {
            int pending = requested - opened.get() - failed.get();
            if (pending >= 200) {
                Thread.sleep(2);
            } else {
                int index = requested++;
                String token = userFor(index);
                try {
                    if (h2) {
                        openH2(index, token);
                    } else {
                        openH1(index, token);
                    }
                } catch (IOException | java.util.concurrent.ExecutionException e) {
                    return "opening stream " + (index + 1) + " failed: " + e.getMessage();
                }
            }
            if (refusal != null) {
                return "the service refused: " + refusal;
            }
            if (System.nanoTime() > deadline) {
                return "not all streams opened within 3 minutes";
            }
        }
        return null;
    }

    void openH1(int index, String token) throws IOException {
        URI uri = URI.create(urls[index % urls.length]);
        byte[] request = ("GET /api/v1/events HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
        // a source address per 20,000 streams: each has its own ephemeral port range
        channel.bind(new InetSocketAddress("127.0.0." + (2 + index / 20_000), 0));
        channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
        Stream stream = new Stream(channel, request);
        streams.add(stream);
        toRegister.get(index % selectors.length).add(stream);
        selectors[index % selectors.length].wakeup();
    }

    /** A new connection for every {@code perConnection} streams, spread over the nodes in turn. */
    void openH2(int index, String token) throws Exception {
        int connection = index / perConnection;
        while (sessions.size() <= connection) {
            URI uri = URI.create(urls[sessions.size() % urls.length]);
            sessions.add(h2Client.connect(new InetSocketAddress(uri.getHost(), uri.getPort()),
                    new Session.Listener() { }).get(10, java.util.concurrent.TimeUnit.SECONDS));
        }
        Session session = sessions.get(connection);
        URI uri = URI.create(urls[connection % urls.length] + "/api/v1/events");
        MetaData.Request request = new MetaData.Request("GET", HttpURI.from(uri), HttpVersion.HTTP_2,
                HttpFields.build().put("Authorization", "Bearer " + token).put("Accept", "text/event-stream"));
        session.newStream(new HeadersFrame(request, null, true), Promise.noop(), new H2Stream());
    }

    String userFor(int index) throws Exception {
        int user = index / perUser;
        while (users.size() <= user) {
            users.add(token(post(urls[0], admin, "/api/v1/users",
                    "{\"name\":\"bench-" + users.size() + "\",\"role\":\"customer\",\"account\":\"bench\"}")));
        }
        return users.get(user);
    }

    void selectLoop(Selector selector, ConcurrentLinkedQueue<Stream> toRegister) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        try {
            while (true) {
                selector.select(100);
                for (Stream s; (s = toRegister.poll()) != null; ) {
                    s.channel.register(selector, SelectionKey.OP_CONNECT, s);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Stream s = (Stream) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            s.channel.finishConnect();
                            s.channel.write(ByteBuffer.wrap(s.request));
                            key.interestOps(SelectionKey.OP_READ);
                        } else if (key.isReadable()) {
                            buffer.clear();
                            int n = s.channel.read(buffer);
                            if (n < 0) {
                                key.cancel();
                                s.close();
                                if (s.status == 200) {
                                    closed.incrementAndGet();
                                }
                                continue;
                            }
                            buffer.flip();
                            s.onData(buffer);
                        }
                    } catch (IOException e) {
                        key.cancel();
                        s.close();
                        if (s.headDone && s.status == 200) {
                            closed.incrementAndGet();
                        } else if (!s.headDone) {
                            failed.incrementAndGet();
                            if (refusal == null) {
                                refusal = "connection failed: " + e.getMessage();
                            }
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    double[] reads(String base, String token, long ticket, int count) throws Exception {
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets/" + ticket))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            times[i] = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("read answered " + r.statusCode());
            }
        }
        return new double[] {percentile(times, 50), percentile(times, 99)};
    }

    /** Per-stream delivery p50/p99, and time until the last stream saw each reply p50/p99/max. */
    double[][] replies(String base, String agent, long ticket, int count, int open) throws Exception {
        List<Long> perStream = new ArrayList<>();
        long[] all = new long[count];
        for (int k = 0; k < count; k++) {
            String m = "mark" + System.nanoTime() + "z";
            long[] times = new long[open];
            seen = times;
            seenCount.set(0);
            sentAt = System.nanoTime();
            marker = m.getBytes(StandardCharsets.US_ASCII);
            post(base, agent, "/api/v1/tickets/" + ticket + "/messages", "{\"body\":\"" + m + "\"}");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seenCount.get() < open - (closed.get() > 0 ? closed.get() : 0) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            int got = Math.min(seenCount.get(), open);
            long max = 0;
            for (int i = 0; i < got; i++) {
                perStream.add(times[i]);
                max = Math.max(max, times[i]);
            }
            all[k] = got < open - closed.get() ? Long.MAX_VALUE / 2 : max;
            Thread.sleep(100);
        }
        long[] each = perStream.stream().mapToLong(Long::longValue).toArray();
        return new double[][] {{percentile(each, 50), percentile(each, 99)},
                {percentile(all, 50), percentile(all, 99), percentile(all, 100)}};
    }

    static double percentile(long[] nanos, int p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static int openFileLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                return Integer.parseInt(line.substring(26).trim().split("\\s+")[0]);
            }
        }
        return 1024;
    }

    /** CPU time of the service process(es) so far, from /proc: user + system, and system alone, in ms. */
    double[] cpuMillis() throws IOException {
        double total = 0;
        double system = 0;
        for (String pid : pids) {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0; // clock ticks of 10 ms
            system += Long.parseLong(f[12]) * 10.0;
        }
        return new double[] {total, system};
    }

    /** Write system calls of the service process(es) so far (syscw in /proc/PID/io). */
    long writeCalls() throws IOException {
        long total = 0;
        for (String pid : pids) {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "io"))) {
                if (line.startsWith("syscw:")) {
                    total += Long.parseLong(line.substring(6).strip());
                }
            }
        }
        return total;
    }

    String threads() throws IOException {
        List<String> out = new ArrayList<>();
        for (String pid : pids) {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("Threads:")) {
                    out.add(line.substring(8).strip());
                }
            }
        }
        return String.join("+", out);
    }

    /** Heap in use after a full GC (the live set), from jstat: survivor, eden and old used. */
    String heapMiB() throws Exception {
        List<String> out = new ArrayList<>();
        for (String pid : pids) {
            new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).start().waitFor();
            Process p = new ProcessBuilder("jstat", "-gc", pid).redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
            p.waitFor();
            String[] head = lines.get(0).trim().split("\\s+");
            String[] values = lines.get(1).trim().split("\\s+");
            double used = 0;
            for (int i = 0; i < head.length; i++) {
                if (List.of("S0U", "S1U", "EU", "OU").contains(head[i])) {
                    used += Double.parseDouble(values[i]);
                }
            }
            out.add(String.format("%.0f", used / 1024));
        }
        return String.join("+", out);
    }

    static String post(String base, String token, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String token(String json) {
        return first(TOKEN, json);
    }

    static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found in " + text);
        }
        return m.group(1);
    }
}
