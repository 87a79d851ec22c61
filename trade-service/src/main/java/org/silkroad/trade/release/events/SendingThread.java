package org.silkroad.trade.release.events;

import org.silkroad.trade.observation.api.TradeObservationView;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Serialises and sends a batch's observations on a second thread while the publisher's thread is still reading the
 * next ones from the database (ADR 0008: reading and serialising were each about half of publishing, one after the
 * other on one thread). One sending thread takes the chunks in the order they were read, so the records reach the
 * producer in read order, as before. A failure on either side stops the other: the batch then fails before the
 * cursor moves, as any other failed batch.
 */
final class SendingThread implements AutoCloseable {

    /** Sends one observation to the producer (serialise, headers, {@code send}). */
    interface Send {
        void send(TradeObservationView observation) throws Exception;
    }

    private static final int CHUNK = 1000;
    private static final List<TradeObservationView> END = List.of();

    private final BlockingQueue<List<TradeObservationView>> chunks = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private final Send send;
    private volatile Throwable failure;
    private List<TradeObservationView> chunk = new ArrayList<>(CHUNK);
    private long sendingNanos;

    SendingThread(Send send) {
        this.send = send;
        this.thread = new Thread(this::run, "release-publisher-send");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Called by the reading thread for each row, in order. */
    void add(TradeObservationView observation) throws InterruptedException {
        chunk.add(observation);
        if (chunk.size() == CHUNK) {
            hand(chunk);
            chunk = new ArrayList<>(CHUNK);
        }
    }

    /** Hands over what is left and waits until every record was given to the producer; rethrows a sending failure. */
    void finish() throws Exception {
        if (!chunk.isEmpty()) {
            hand(chunk);
        }
        hand(END);
        thread.join();
        rethrow();
    }

    /** Time the sending thread spent serialising and sending (the rest of its time it waited for rows). */
    long sendingNanos() {
        return sendingNanos;
    }

    private void hand(List<TradeObservationView> next) throws InterruptedException {
        while (!chunks.offer(next, 100, TimeUnit.MILLISECONDS)) {
            if (failure != null || !thread.isAlive()) {
                rethrowUnchecked();
            }
        }
    }

    private void run() {
        try {
            while (true) {
                List<TradeObservationView> next = chunks.take();
                if (next == END) {
                    return;
                }
                long s0 = System.nanoTime();
                for (TradeObservationView o : next) {
                    send.send(o);
                }
                sendingNanos += System.nanoTime() - s0;
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void rethrow() throws Exception {
        Throwable e = failure;
        if (e instanceof Exception checked) {
            throw checked;
        }
        if (e instanceof Error error) {
            throw error;
        }
    }

    private void rethrowUnchecked() {
        Throwable e = failure;
        throw new IllegalStateException("sending the batch failed", e);
    }

    /** Stops the sending thread when the reading side failed (the batch is abandoned and sent again later). */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
