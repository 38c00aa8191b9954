package io.github.dicomscu.net.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.dimse.Priority;
import io.github.dicomscu.net.storage.StoreContexts;
import io.github.dicomscu.net.storage.StoreInstance;
import io.github.dicomscu.net.storage.StoreResult;
import io.github.dicomscu.net.storage.StoreScu;

/**
 * Times C-STORE with this engine: every Part 10 file of a directory sent in one
 * association (reading the headers, negotiating, storing, releasing), after untimed
 * warm-up passes. If a command is given (another sender, such as DCMTK's
 * {@code storescu}), it is run and timed after each of our passes, so that both see the
 * same machine load, and the ratio of each pair is kept. Before each pass the receiver's
 * output directory can be emptied, so that every pass stores new files as a real receiver
 * would rather than replacing those of the pass before.
 * <p>
 * Prints one line of {@code key=value} pairs (times in milliseconds, medians, and the
 * median of the per-pass ratios) for {@code benchmarks/store.sh}, which is how it is run;
 * exits with 1 if an instance was not stored or the command failed.
 */
public final class StoreBenchmark {

	private StoreBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 8) {
			System.err.println("usage: StoreBenchmark host port calledAeTitle maxPduLength warmupPasses timedPasses "
					+ "directory receiverDirectoryToEmpty|- [command to compare with...]");
			System.exit(2);
		}
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		String calledAe = args[2];
		long maxPduLength = Long.parseLong(args[3]);
		int warmups = Integer.parseInt(args[4]);
		int passes = Integer.parseInt(args[5]);
		Path directory = Path.of(args[6]);
		Path received = args[7].equals("-") ? null : Path.of(args[7]);
		List<String> command = List.of(args).subList(8, args.length);
		List<Path> files = files(directory);
		long bytes = 0;
		for (Path file : files) {
			bytes += Files.size(file);
		}
		for (int i = 0; i < warmups; i++) {
			empty(received);
			storeAll(host, port, calledAe, maxPduLength, files);
			empty(received);
			run(command);
		}
		long[] ours = new long[passes];
		long[] theirs = new long[passes];
		double[] ratios = new double[passes];
		for (int i = 0; i < passes; i++) {
			empty(received);
			long start = System.nanoTime();
			storeAll(host, port, calledAe, maxPduLength, files);
			ours[i] = System.nanoTime() - start;
			empty(received);
			theirs[i] = run(command);
			ratios[i] = (double) theirs[i] / ours[i];
		}
		System.out.printf("bytes=%d files=%d ours_ms=%.1f ours_best_ms=%.1f other_ms=%.1f ratio=%.2f%n", bytes,
				files.size(), median(ours) / 1e6, Arrays.stream(ours).min().orElse(0) / 1e6, median(theirs) / 1e6,
				median(ratios));
	}

	private static long run(List<String> command) throws IOException, InterruptedException {
		if (command.isEmpty()) {
			return 0;
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		builder.environment().put("TCP_NODELAY", "1");
		long start = System.nanoTime();
		int exit = builder.start().waitFor();
		long nanos = System.nanoTime() - start;
		if (exit != 0) {
			System.err.println(command.get(0) + " exited with " + exit);
			System.exit(1);
		}
		return nanos;
	}

	private static void storeAll(String host, int port, String calledAe, long maxPduLength, List<Path> files)
			throws IOException {
		List<StoreInstance> instances = new ArrayList<>();
		for (Path file : files) {
			instances.add(StoreInstance.of(file));
		}
		AssociationRequest request = AssociationRequest.builder(host, port)
			.callingAeTitle("BENCHSCU")
			.calledAeTitle(calledAe)
			.maxPduLength(maxPduLength)
			.contexts(StoreContexts.forInstances(instances))
			.build();
		List<StoreResult> results;
		try (Association association = Association.request(request)) {
			results = StoreScu.storeAll(association, instances, Priority.MEDIUM);
		}
		List<StoreResult> failed = results.stream().filter((result) -> !result.isStored()).toList();
		if (!failed.isEmpty()) {
			System.err
				.println(failed.size() + " of " + results.size() + " instances not stored, first: " + failed.get(0));
			System.exit(1);
		}
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static void empty(Path directory) throws IOException {
		if (directory == null || !Files.isDirectory(directory)) {
			return;
		}
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
	}

	private static List<Path> files(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".dcm")).sorted().toList();
		}
	}

}
