package io.github.dicomscu.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A long-running fuzzer over the {@link FuzzTarget}s, run by
 * {@code benchmarks/fuzz.sh MINUTES [SEED]}: round robin over the targets, four inputs in
 * five a mutated seed and one arbitrary bytes, on a worker thread watched for hangs.
 * Prints executions, executions per second, and each distinct failure (target, exception
 * class and top frame) with the hex of the first input that caused it. Exits with status
 * 1 if anything failed.
 */
public final class DecoderFuzz {

	private static final long HANG_NANOS = 5_000_000_000L;

	private static final String PROJECT_PACKAGE = "io.github.dicomscu.";

	private static final long REPORT_NANOS = 60_000_000_000L;

	private final Map<String, Failure> failures = new LinkedHashMap<>();

	private final long[] perTarget = new long[FuzzTarget.values().length];

	private final long[] decoded = new long[FuzzTarget.values().length];

	private final long[] nanos = new long[FuzzTarget.values().length];

	private volatile long executions;

	private final long seed;

	private final long deadline;

	private DecoderFuzz(long seed, long deadline) {
		this.seed = seed;
		this.deadline = deadline;
	}

	/**
	 * Fuzz for some minutes.
	 * @param args the minutes, then optionally the random seed
	 * @throws Exception if the scratch file cannot be made or the watch is interrupted
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("Usage: DecoderFuzz MINUTES [SEED]");
			System.exit(2);
		}
		long nanos = (long) (Double.parseDouble(args[0]) * 60e9);
		long seed = (args.length > 1) ? Long.parseLong(args[1]) : System.nanoTime();
		DecoderFuzz fuzz = new DecoderFuzz(seed, System.nanoTime() + nanos);
		System.exit(fuzz.run() ? 0 : 1);
	}

	private boolean run() throws IOException, InterruptedException {
		System.out.printf("Fuzzing %s for %.1f min, seed %d%n", List.of(FuzzTarget.values()),
				(this.deadline - System.nanoTime()) / 60e9, this.seed);
		long start = System.nanoTime();
		long lastReport = start;
		Worker worker = startWorker(this.seed);
		while (System.nanoTime() < this.deadline) {
			Thread.sleep(100);
			long started = worker.started;
			if (started != 0 && System.nanoTime() - started > HANG_NANOS) {
				StackTraceElement[] stack = worker.thread.getStackTrace();
				record(worker.target, "hang (no return within 5 s)", stack, worker.input);
				worker.stopped = true;
				worker = startWorker(worker.random.nextLong());
			}
			long now = System.nanoTime();
			if (now - lastReport >= REPORT_NANOS) {
				lastReport = now;
				System.out.printf("%6.1f min %,14d executions %,10.0f/s %d distinct failures%n", (now - start) / 60e9,
						this.executions, this.executions / ((now - start) / 1e9), distinctFailures());
			}
		}
		worker.stopped = true;
		worker.thread.join(HANG_NANOS / 1_000_000);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("Executions: %,d in %.0f s (%,.0f/s), seed %d%n", this.executions, seconds,
				this.executions / seconds, this.seed);
		for (FuzzTarget target : FuzzTarget.values()) {
			int index = target.ordinal();
			System.out.printf("  %-26s %,14d executions, %,12d decoded, %6.1f µs each%n", target, this.perTarget[index],
					this.decoded[index], this.nanos[index] / 1e3 / Math.max(1, this.perTarget[index]));
		}
		synchronized (this.failures) {
			System.out.printf("Distinct failures: %d%n", this.failures.size());
			this.failures.forEach((key, failure) -> System.out.printf("%s%n  %,d times; first input (%d bytes): %s%n",
					key, failure.count, failure.input.length, HexFormat.of().formatHex(failure.input)));
			return this.failures.isEmpty();
		}
	}

	private Worker startWorker(long seed) throws IOException {
		Path directory = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : null;
		Path scratch = (directory != null) ? Files.createTempFile(directory, "fuzz", ".dcm")
				: Files.createTempFile("fuzz", ".dcm");
		scratch.toFile().deleteOnExit();
		Worker worker = new Worker(new SplittableRandom(seed), scratch);
		worker.thread.start();
		return worker;
	}

	private int distinctFailures() {
		synchronized (this.failures) {
			return this.failures.size();
		}
	}

	private void record(FuzzTarget target, String what, StackTraceElement[] stack, byte[] input) {
		String key = target + ": " + what + " at " + ((stack.length > 0) ? stack[0] : "?");
		if (stack.length > 0 && !stack[0].getClassName().startsWith(PROJECT_PACKAGE)) {
			for (StackTraceElement frame : stack) {
				if (frame.getClassName().startsWith(PROJECT_PACKAGE)) {
					key += " via " + frame;
					break;
				}
			}
		}
		synchronized (this.failures) {
			Failure failure = this.failures.computeIfAbsent(key, (k) -> {
				System.out.printf("New failure %s%n", k);
				return new Failure(input);
			});
			failure.count++;
		}
	}

	private static final class Failure {

		private final byte[] input;

		private long count;

		Failure(byte[] input) {
			this.input = input;
		}

	}

	private final class Worker implements Runnable {

		private final Thread thread = new Thread(this, "decoder-fuzz");

		private final SplittableRandom random;

		private final Mutator mutator;

		private final Path scratch;

		private volatile long started;

		private volatile FuzzTarget target;

		private volatile byte[] input;

		private volatile boolean stopped;

		Worker(SplittableRandom random, Path scratch) {
			this.random = random;
			this.mutator = new Mutator(random.split());
			this.scratch = scratch;
			this.thread.setDaemon(true);
		}

		@Override
		public void run() {
			FuzzTarget[] targets = FuzzTarget.values();
			List<List<byte[]>> seeds = Arrays.stream(targets).map(FuzzTarget::seeds).toList();
			long count = 0;
			while (!this.stopped) {
				FuzzTarget next = targets[(int) (count % targets.length)];
				byte[] bytes = (this.random.nextInt(5) == 0) ? this.mutator.arbitrary()
						: this.mutator.mutate(seeds.get(next.ordinal()));
				this.target = next;
				this.input = bytes;
				this.started = System.nanoTime();
				try {
					if (next.accepts(bytes, this.scratch)) {
						DecoderFuzz.this.decoded[next.ordinal()]++;
					}
				}
				catch (Throwable ex) {
					record(next, ex.getClass().getName(), ex.getStackTrace(), bytes);
				}
				DecoderFuzz.this.nanos[next.ordinal()] += System.nanoTime() - this.started;
				this.started = 0;
				DecoderFuzz.this.perTarget[next.ordinal()]++;
				DecoderFuzz.this.executions++;
				count++;
			}
		}

	}

}
