package dev.flowfront.generator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the parts of a build on a few threads and returns their results in input order, so that what
 * a build reports does not depend on which thread finished first.
 */
final class ParallelTasks implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService executor;

    /** Creates a pool of {@code threads} daemon threads; 1 runs every part on that one thread. */
    ParallelTasks(int threads) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory =
                runnable -> {
                    Thread thread =
                            new Thread(
                                    runnable,
                                    "flowfront-build-" + pool + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    /** Returns the number of threads a build uses by default: one per processor the JVM may use. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Applies the function to every item on the pool's threads and returns the results in item
     * order. When one call throws, the others are cancelled and the exception is rethrown.
     */
    <T, R> List<R> map(List<T> items, Function<T, R> function) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(executor.submit(() -> function.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<R> future : futures) {
                results.add(future.get());
            }
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            Thread.currentThread().interrupt();
            throw new GeneratorException("The build was interrupted", e);
        } catch (CancellationException e) {
            throw new GeneratorException("The build was cancelled", e);
        }
        return results;
    }

    /** Runs one task on a new daemon thread, besides the pool, and returns its future result. */
    static <R> Future<R> startThread(String name, Supplier<R> task) {
        FutureTask<R> future = new FutureTask<>(task::get);
        Thread thread = new Thread(future, name);
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /** Waits for a task of {@link #startThread} and returns its result, rethrowing its failure. */
    static <R> R join(Future<R> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeneratorException("The build was interrupted", e);
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new GeneratorException("A build task failed: " + cause, cause);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
