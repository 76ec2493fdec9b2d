package org.raddiag.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;

/**
 * The seeded fuzz loop every reader's fuzz test runs: mutate a real file, write it, read it with a time limit per
 * read. Every outcome must be scans within the voxel limit or a {@link ReadException} naming the file, never
 * another exception, an error or a hang; the run must finish within a time bound and both read and refuse a fair
 * share of the mutants (so that the mutations reach the parser). The mutations are format-specific and stay in
 * each reader's test, next to the generic ones of {@link Mutations}.
 */
public final class ReaderFuzzer {
    /** Produces one mutant file under {@code dir} from {@code original} and returns its path. */
    @FunctionalInterface
    public interface Mutator {
        Path write(byte[] original, String seedName, Random rnd, Path dir, int round) throws IOException;
    }

    /** Counts of one run. */
    public record Outcome(int read, int refused) {
    }

    private final long seed;
    private final int rounds;
    private ReadOptions limits = LIMITS;
    /**
     * Bounds that catch hangs and runaway loops, not slowness: the suite runs on shared 2-core machines where a
     * read that takes a second alone can take several under load (performance is measured by benchmarks).
     */
    private static final int READ_LIMIT_SECONDS = 60;
    private double maxSeconds = 300;
    private double minReadShare;
    private double minRefusedShare = 0.25;

    /** Limits of every read unless given: a million voxels, no modality hint. */
    public static final ReadOptions LIMITS = new ReadOptions(1 << 20, null);

    /** {@code rounds} mutants from {@code seed}. */
    public ReaderFuzzer(long seed, int rounds) {
        this.seed = seed;
        this.rounds = rounds;
    }

    /** Limits of every read (default {@link #LIMITS}). */
    public ReaderFuzzer limits(ReadOptions options) {
        limits = options;
        return this;
    }

    /** Time bound of the whole run (default 300 s). */
    public ReaderFuzzer within(double seconds) {
        maxSeconds = seconds;
        return this;
    }

    /** Shares of mutants that must be read and refused (default: at least one read, a quarter refused). */
    public ReaderFuzzer expecting(double readShare, double refusedShare) {
        minReadShare = readShare;
        minRefusedShare = refusedShare;
        return this;
    }

    /** Runs the loop over the seed files ({@code seedNames} name them in messages) and checks the rules. */
    public Outcome run(ModalityReader reader, List<String> seedNames, List<byte[]> seedFiles, Mutator mutator,
            Path dir) throws IOException, InterruptedException {
        Random rnd = new Random(seed);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        long start = System.nanoTime();
        int ok = 0;
        int refused = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                int s = rnd.nextInt(seedFiles.size());
                Path p = mutator.write(seedFiles.get(s), seedNames.get(s), rnd, dir, round);
                String where = "round " + round + " (seed file " + seedNames.get(s) + ", seed " + seed + ")";
                Future<List<Scan>> f = pool.submit(() -> reader.read(p, limits));
                try {
                    for (Scan scan : f.get(READ_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                        assertTrue(scan.volume().voxels().length <= limits.maxVoxels(), where + ": voxel limit");
                    }
                    ok++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ReadException)) {
                        fail(where + ": " + e.getCause(), e.getCause());
                    }
                    assertTrue(e.getCause().getMessage().contains(p.getFileName().toString()), e.getCause().getMessage());
                    refused++;
                } catch (TimeoutException e) {
                    fail(where + " did not finish within " + READ_LIMIT_SECONDS + " s");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < maxSeconds, "fuzzing took " + seconds + " s");
        assertTrue(ok > 0 && ok >= minReadShare * rounds && refused >= minRefusedShare * rounds,
                "read " + ok + ", refused " + refused + " of " + rounds);
        return new Outcome(ok, refused);
    }

    /** A mutator writing {@code mutation(original)} as {@code fuzzN} + {@code suffix}. */
    public static Mutator writing(String suffix, BiFunction<byte[], Random, byte[]> mutation) {
        return writing(name -> suffix, mutation);
    }

    /** A mutator writing {@code mutation(original)} as {@code fuzzN} + the suffix that fits the seed file's name. */
    public static Mutator writing(UnaryOperator<String> suffixOfSeed, BiFunction<byte[], Random, byte[]> mutation) {
        return (original, name, rnd, dir, round) -> Files.write(dir.resolve("fuzz" + round % 8
                + suffixOfSeed.apply(name)), mutation.apply(original, rnd));
    }

    /** The bytes of each seed file, {@code locate} giving the path of a seed name. */
    public static List<byte[]> contents(List<String> seedNames, Function<String, Path> locate) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        for (String name : seedNames) {
            contents.add(Files.readAllBytes(locate.apply(name)));
        }
        return contents;
    }
}
