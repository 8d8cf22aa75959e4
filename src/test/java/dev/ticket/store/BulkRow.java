package dev.ticket.store;

import java.util.Random;

/**
 * One ticket of the bulk data set ({@link SqliteBulkLoad}, the same shape as {@link PgBulkLoad}): ticket g of
 * {@code rows} belongs to one of 20 customers (user and account ids 1 to 20); its messages are 3g-2 (the
 * customer's), 3g-1 (an agent's answer, 70%) and 3g (the customer's follow-up, a third of those answered).
 * Two viewers have read nearly everything: the agent {@link #READER} every ticket but the 10 old ones whose
 * title holds "иголка", and customer 20 every answer but those of a few old tickets ({@link #oldUnread}).
 */
record BulkRow(long g, int customer, int agent, String title, boolean answered, boolean followedUp, boolean done,
               boolean customerRead) {
    static final String[] WORDS = {"ошибка", "оплата", "счёт", "канал", "консьерж", "не", "работает",
        "виджет", "Payment", "failed", "Telegram", "offline", "доступ", "настройки", "сотрудник", "ответ",
        "долго", "бот", "chat", "login"};
    /** The user id of the agent who has read all but 10 old tickets. */
    static final int READER = 20 + SearchBench.AGENTS + 1;
    /** The customer (and account) who has read all answers but those of a few old tickets. */
    static final int READER_CUSTOMER = 20;

    static BulkRow next(Random r, long g, int rows) {
        int customer = 1 + r.nextInt(20);
        String title = WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)] + " "
                + WORDS[r.nextInt(WORDS.length)] + " код" + ((g - 1) % 5000) + (needle(g, rows) ? " иголка" : "");
        boolean answered = r.nextInt(10) < 7;
        boolean followedUp = answered && r.nextInt(3) == 0;
        boolean read = r.nextBoolean();
        return new BulkRow(g, customer, 21 + (int) (g % SearchBench.AGENTS), title, answered, followedUp,
                g <= rows - 20_000 && g % 10 != 0, read);
    }

    /** The 10 old tickets whose title holds "иголка" (and which {@link #READER} has not read). */
    static boolean needle(long g, int rows) {
        return g - 1 < rows / 10 && (g - 1) % (rows / 100) == 7;
    }

    /** The old tickets whose answer {@link #READER_CUSTOMER} has not read. */
    static boolean oldUnread(long g, int rows) {
        return g <= rows / 10 && g % 997 == 0;
    }

    int messages() {
        return followedUp ? 3 : answered ? 2 : 1;
    }

    boolean lastTeam() {
        return answered && !followedUp;
    }

    long latest() {
        return followedUp ? 3 * g : answered ? 3 * g - 1 : 3 * g - 2;
    }

    /** The customer's read marker: the follow-up, or the answer (half of them read), or their own message. */
    long customerMarker(int rows) {
        if (customer == READER_CUSTOMER) {
            return answered && !followedUp && oldUnread(g, rows) ? 3 * g - 2 : latest();
        }
        return followedUp ? 3 * g : answered && customerRead ? 3 * g - 1 : 3 * g - 2;
    }
}
