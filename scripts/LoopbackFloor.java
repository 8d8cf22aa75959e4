import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The floor under the service's HTTP/1.1 event fan-out on this machine, without Jetty: one small frame written
 * to each of N loopback connections, one write per connection, and read by a client on the same machine
 * (scripts/bench-loopback-floor.sh runs it; the JDK's single-file launcher runs it too).
 *
 * <p>Usage: java LoopbackFloor.java server PORT N WRITERS
 * <br>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; java LoopbackFloor.java client PORT N READERS ROUNDS WARMUP
 * <br>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; java LoopbackFloor.java header         (the column heads of the client's rows)
 *
 * <p>The client opens a control connection, then N streams; each byte on the control connection is a trigger: the
 * server stamps the frame with System.nanoTime() (CLOCK_MONOTONIC, one clock for every process on the machine)
 * and its writer threads write it to their slice of the streams. The client prints one row: per-stream delivery
 * p50/p99, time until the last stream had it p50/p99/max, and the server's and its own CPU per round.
 */
public class LoopbackFloor {
    static final int STREAM_SEND_BUFFER = 64 * 1024; // what the service sets on an event stream
    static final int STREAM_RECEIVE_BUFFER = 16 * 1024; // what scripts/StreamBench.java sets
    static final byte[] FRAME;
    static final int ID_AT;
    static final int STAMP_AT;
    static final int ID_DIGITS = 10;
    static final int STAMP_DIGITS = 19;
    static final String ROW = "%6d %3d %3d   %7.2f %7.2f   %7.2f %7.2f %7.2f   %7.2f %7.2f   %7.2f   %s%s%n";

    static {
        String event = "id: " + "I".repeat(ID_DIGITS) + "\nevent: message\ndata: {\"id\":90210,"
                + "\"kind\":\"message\",\"ticketId\":4711,\"status\":\"open\",\"message\":{\"id\":123456,"
                + "\"ticketId\":4711,\"author\":{\"name\":\"agent-7\",\"role\":\"agent\"},\"body\":\"Thanks, we "
                + "restarted the export job; the report should arrive within the hour. If it does not, reply here "
                + "and we will look again. Sent at "
                + "S".repeat(STAMP_DIGITS) + " (monotonic ns).\",\"attachments\":[],"
                + "\"at\":\"2025-06-01T12:00:00.123456Z\"},\"at\":\"2025-06-01T12:00:00.123456Z\"}\n\n";
        // an HTTP/1.1 chunk around the event, as Jetty writes it on a chunked response
        String frame = Integer.toHexString(event.length()) + "\r\n" + event + "\r\n";
        ID_AT = frame.indexOf('I');
        STAMP_AT = frame.indexOf("S".repeat(STAMP_DIGITS));
        FRAME = frame.getBytes(StandardCharsets.US_ASCII);
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("header")) {
            String heads = ROW.replaceAll("\\.2f|d", "s");
            System.out.printf("frame %d bytes; times in ms; CPU in ms per round%n" + heads, FRAME.length,
                    "N", "W", "T", "conn50", "conn99", "all50", "all99", "allmax", "srv-cpu", "srv-sys", "cli-cpu",
                    "load", "");
            return;
        }
        int port = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        if (args[0].equals("server")) {
            serve(port, n, threads);
        } else {
            new Client(n, Integer.parseInt(args[4]), Integer.parseInt(args[5])).run(port, threads);
        }
    }

    static void putDigits(byte[] into, int at, int width, long value) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            into[i] = (byte) ('0' + value % 10);
        }
    }

    /** Accepts the control connection and N streams, then writes the frame to every stream on each trigger. */
    static void serve(int port, int n, int writers) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", port), 4096);
        server.configureBlocking(false);
        Selector selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        SocketChannel control = null; // the client connects it first and waits for it: the accept queue is FIFO
        SocketChannel[] streams = new SocketChannel[n];
        for (int accepted = 0; accepted < n; ) {
            selector.select();
            selector.selectedKeys().clear();
            for (SocketChannel c; accepted < n && (c = server.accept()) != null; ) {
                if (control == null) {
                    control = c;
                    continue;
                }
                c.configureBlocking(false);
                c.setOption(StandardSocketOptions.SO_SNDBUF, STREAM_SEND_BUFFER);
                c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                streams[accepted++] = c;
            }
        }
        Writer[] slices = new Writer[writers];
        for (int w = 0; w < writers; w++) {
            slices[w] = new Writer(streams, w * n / writers, (w + 1) * n / writers);
            Thread t = new Thread(slices[w], "writer-" + w);
            t.setDaemon(true);
            t.start();
        }
        control.write(ByteBuffer.wrap(("ready " + ProcessHandle.current().pid() + " " + writers + "\n").getBytes()));
        ByteBuffer trigger = ByteBuffer.allocate(1);
        for (long id = 1; control.read(trigger.clear()) > 0; id++) {
            putDigits(FRAME, STAMP_AT, STAMP_DIGITS, System.nanoTime());
            putDigits(FRAME, ID_AT, ID_DIGITS, id);
            for (Writer w : slices) {
                w.go.release(); // the writer reads FRAME after this: a semaphore orders the two
            }
        }
        long partial = Arrays.stream(slices).mapToLong(w -> w.partial).sum();
        if (partial > 0) {
            System.err.println("loopback-floor: " + partial + " writes did not fit at once (retried)");
        }
    }

    /** One writer thread: on each trigger, one write of the frame to each stream of its slice. */
    static final class Writer implements Runnable {
        final Semaphore go = new Semaphore(0);
        final SocketChannel[] streams;
        final int from;
        final int to;
        volatile long partial;

        Writer(SocketChannel[] streams, int from, int to) {
            this.streams = streams;
            this.from = from;
            this.to = to;
        }

        @Override
        public void run() {
            ByteBuffer frame = ByteBuffer.allocateDirect(FRAME.length); // a heap buffer would be copied per write
            try {
                while (true) {
                    go.acquireUninterruptibly();
                    frame.clear().put(FRAME).flip();
                    for (int i = from; i < to; i++) {
                        streams[i].write(frame.rewind());
                        while (frame.hasRemaining()) {
                            partial++;
                            Thread.onSpinWait();
                            streams[i].write(frame);
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The reading side: N streams over READERS selector threads, a trigger per round on the control connection. */
    static final class Client {
        final int n;
        final int rounds;
        final int warmup;
        final long[][] latency; // [round][stream], ns
        final AtomicLong delivered = new AtomicLong();

        Client(int n, int rounds, int warmup) {
            this.n = n;
            this.rounds = rounds;
            this.warmup = warmup;
            this.latency = new long[warmup + rounds][n];
        }

        void run(int port, int readers) throws Exception {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            SocketChannel control = connectControl(address);
            Selector[] selectors = openStreams(address, readers);
            String[] ready = readLine(control).split(" "); // "ready PID WRITERS"
            String serverPid = ready[1];
            for (Selector selector : selectors) {
                Thread t = new Thread(() -> readLoop(selector), "reader");
                t.setDaemon(true);
                t.start();
            }
            String loadBefore = loadAverage();
            double[] serverCpu = null;
            double[] ownCpu = null;
            long[] all = new long[rounds];
            for (int r = 0; r < warmup + rounds; r++) {
                if (r == warmup) {
                    serverCpu = cpuMillis(serverPid);
                    ownCpu = cpuMillis("self");
                }
                control.write(ByteBuffer.wrap(new byte[] {'t'}));
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (delivered.get() < (long) n * (r + 1)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("round " + r + ": " + delivered.get() + " frames");
                    }
                    Thread.sleep(1);
                }
                if (r >= warmup) {
                    all[r - warmup] = Arrays.stream(latency[r]).max().orElse(0);
                }
                if (r == warmup + rounds - 1) {
                    serverCpu = minus(cpuMillis(serverPid), serverCpu);
                    ownCpu = minus(cpuMillis("self"), ownCpu);
                }
                Thread.sleep(100);
            }
            long[] each = Arrays.stream(latency, warmup, warmup + rounds).flatMapToLong(Arrays::stream).toArray();
            System.out.printf(ROW, n, Integer.parseInt(ready[2]), readers,
                    percentile(each, 50), percentile(each, 99), percentile(all, 50), percentile(all, 99),
                    percentile(all, 100), serverCpu[0] / rounds, serverCpu[1] / rounds, ownCpu[0] / rounds,
                    loadBefore, " -> " + loadAverage());
            control.close();
        }

        Selector[] openStreams(InetSocketAddress address, int readers) throws IOException {
            Selector[] selectors = new Selector[readers];
            for (int t = 0; t < readers; t++) {
                selectors[t] = Selector.open();
            }
            for (int i = 0; i < n; i++) {
                SocketChannel c = SocketChannel.open();
                c.setOption(StandardSocketOptions.SO_RCVBUF, STREAM_RECEIVE_BUFFER);
                c.bind(new InetSocketAddress("127.0.0." + (2 + i / 20_000), 0)); // a port range per address
                c.connect(address);
                c.configureBlocking(false);
                c.register(selectors[i % readers], SelectionKey.OP_READ, new Stream(i));
            }
            return selectors;
        }

        static SocketChannel connectControl(InetSocketAddress address) throws Exception {
            for (int attempt = 0; ; attempt++) {
                try {
                    return SocketChannel.open(address);
                } catch (ConnectException e) {
                    if (attempt == 200) {
                        throw e;
                    }
                    Thread.sleep(50); // the server is still starting
                }
            }
        }

        static String readLine(SocketChannel channel) throws IOException {
            StringBuilder line = new StringBuilder();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (channel.read(one.clear()) > 0 && one.get(0) != '\n') {
                line.append((char) one.get(0));
            }
            return line.toString();
        }

        void readLoop(Selector selector) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            Consumer<SelectionKey> onReadable = key -> {
                try {
                    buffer.clear();
                    int length = ((SocketChannel) key.channel()).read(buffer);
                    if (length < 0) {
                        key.cancel();
                        return;
                    }
                    ((Stream) key.attachment()).onBytes(buffer, length);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            };
            try {
                while (true) {
                    selector.select(onReadable);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** One stream's place in the current frame, and the stamp read so far: frames may arrive in pieces. */
        final class Stream {
            final int index;
            int position;
            long stamp;
            int frames;

            Stream(int index) {
                this.index = index;
            }

            void onBytes(ByteBuffer bytes, int length) {
                for (int i = 0; i < length; ) {
                    int take = Math.min(length - i, FRAME.length - position);
                    int to = Math.min(position + take, STAMP_AT + STAMP_DIGITS);
                    for (int k = Math.max(position, STAMP_AT); k < to; k++) {
                        stamp = stamp * 10 + bytes.get(i + k - position) - '0';
                    }
                    position += take;
                    i += take;
                    if (position == FRAME.length) {
                        long now = System.nanoTime();
                        if (frames < latency.length) {
                            latency[frames][index] = now - stamp;
                        }
                        frames++;
                        position = 0;
                        stamp = 0;
                        delivered.incrementAndGet();
                    }
                }
            }
        }
    }

    static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** User + system and system CPU time of a process so far, in ms (clock ticks of 10 ms). */
    static double[] cpuMillis(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new double[] {(Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0, Long.parseLong(f[12]) * 10.0};
    }

    static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1]};
    }

    static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
