package dev.ticket.files;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The aligned 1 MiB direct-memory blocks that large files are written and read through. Direct memory is
 * outside the heap and capped (by default at the heap's size), so blocks are made only up to a budget and
 * kept for reuse; when none is free the caller goes through the page cache with a small heap buffer
 * instead of failing.
 */
public final class DirectBlocks {
    public static final int SIZE = 1024 * 1024;
    public static final int ALIGN = 4096;
    /** A quarter of the heap's size (the default direct memory cap), at least 4 and at most 64 blocks. */
    static final int BUDGET = (int) Math.max(4, Math.min(64, Runtime.getRuntime().maxMemory() / 4 / SIZE));

    private static final ConcurrentLinkedQueue<ByteBuffer> FREE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger MADE = new AtomicInteger();

    private DirectBlocks() {
    }

    /** A free block (position 0, limit {@link #SIZE}), or null when the budget is spent. */
    public static ByteBuffer take() {
        ByteBuffer free = FREE.poll();
        if (free != null) {
            return free.clear();
        }
        if (MADE.incrementAndGet() > BUDGET) {
            MADE.decrementAndGet();
            return null;
        }
        try {
            return ByteBuffer.allocateDirect(SIZE + ALIGN).alignedSlice(ALIGN).limit(SIZE).slice();
        } catch (OutOfMemoryError e) {
            MADE.decrementAndGet(); // direct memory is short (other users): go without
            return null;
        }
    }

    /** Returns a block from {@link #take} (null is ignored); it must no longer be in use. */
    public static void giveBack(ByteBuffer block) {
        if (block != null && block.isDirect() && block.capacity() == SIZE) {
            FREE.offer(block.clear());
        }
    }
}
