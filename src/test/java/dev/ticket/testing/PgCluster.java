package dev.ticket.testing;

import dev.ticket.app.TicketApp;
import dev.ticket.files.Trees;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.server.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several real {@code ticket serve} nodes in this JVM, each on its own loopback port and data
 * directory, all on one fresh PostgreSQL database: what a load balancer would have behind it.
 */
public final class PgCluster extends ClassResource {
    private final int size;
    private final List<TicketApp> nodes = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();
    private PgDatabase db;
    private String adminToken;
    private User customer;
    private User agent;

    private PgCluster(int size) {
        this.size = size;
    }

    /** Starts {@code size} nodes on a new database (skips, or fails under CI, without PostgreSQL). */
    public static PgCluster start(int size) {
        PgCluster cluster = perClass(size);
        cluster.open();
        return cluster;
    }

    /** A cluster for one test class: register it with {@code @RegisterExtension} on a static field. */
    public static PgCluster perClass(int size) {
        return new PgCluster(size);
    }

    @Override
    protected void open() {
        db = PgDatabase.create();
        try {
            for (int i = 0; i < size; i++) {
                startNode();
            }
            adminToken = Files.readString(dirs.get(0).resolve(TicketApp.ADMIN_TOKEN_FILE)).strip();
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Starts one more node on the same database; returns its index. */
    public int startNode() throws IOException {
        Path dir = Files.createTempDirectory("ticket-node-");
        dirs.add(dir);
        ServerSettings base = ServerSettings.sqlite(dir, 0);
        ServerSettings settings = new ServerSettings(base.bind(), 0, dir, db.url(), base.hours(), base.service(), 4,
                false);
        nodes.add(TicketApp.start(settings));
        return nodes.size() - 1;
    }

    public PgDatabase db() {
        return db;
    }

    public String url(int node) {
        return nodes.get(node).url();
    }

    /** An API client for {@code token} talking to one node. */
    public ApiClient client(int node, String token) {
        return new ApiClient(url(node), token);
    }

    public ApiClient admin(int node) {
        return client(node, adminToken);
    }

    /** Creates a user (through node 0); the result carries its token. */
    public User addUser(String name, Role role, String account) {
        return admin(0).addUser(name, role, account);
    }

    /** The customer of the cluster's tests, Olga of acme (made on first use), talking to {@code node}. */
    public synchronized ApiClient customer(int node) {
        if (customer == null) {
            customer = addUser("Olga", Role.CUSTOMER, "acme");
        }
        return client(node, customer.token());
    }

    /** The agent of the cluster's tests, Sam (made on first use), talking to {@code node}. */
    public synchronized ApiClient agent(int node) {
        if (agent == null) {
            agent = addUser("Sam", Role.AGENT, null);
        }
        return client(node, agent.token());
    }

    /** Stops one node as a crash would leave the others: its clients are cut off. */
    public void stopNode(int node) {
        nodes.get(node).close();
    }

    @Override
    public void close() {
        for (TicketApp node : nodes) {
            try {
                node.close();
            } catch (RuntimeException e) {
                // stopped already
            }
        }
        if (db != null) {
            db.close();
        }
        dirs.forEach(Trees::delete);
    }
}
