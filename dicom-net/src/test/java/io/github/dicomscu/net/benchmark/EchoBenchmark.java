package io.github.dicomscu.net.benchmark;

import java.util.Arrays;

import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.context.PresentationContext;

/**
 * Times C-ECHO with this engine against a running SCP: N sequential associations
 * (connect, one C-ECHO, release) and N C-ECHOs in one association. Run by
 * {@code benchmarks/echo.sh}, not by the test suite.
 */
public final class EchoBenchmark {

	private EchoBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 4) {
			System.err.println("usage: EchoBenchmark host port calledAeTitle count");
			System.exit(2);
		}
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		String calledAe = args[2];
		int count = Integer.parseInt(args[3]);
		AssociationRequest request = AssociationRequest.builder(host, port)
			.callingAeTitle("BENCHSCU")
			.calledAeTitle(calledAe)
			.context(PresentationContext.of("Verification"))
			.build();
		// warm-up: let the JIT compile the paths measured below
		for (int i = 0; i < 200; i++) {
			try (Association association = Association.request(request)) {
				check(association.echo());
			}
		}
		try (Association association = Association.request(request)) {
			for (int i = 0; i < 5000; i++) {
				check(association.echo());
			}
		}
		long[] associations = new long[count];
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			try (Association association = Association.request(request)) {
				check(association.echo());
			}
			associations[i] = System.nanoTime() - start;
		}
		long[] echoes = new long[count];
		long totalStart = System.nanoTime();
		try (Association association = Association.request(request)) {
			for (int i = 0; i < count; i++) {
				long start = System.nanoTime();
				check(association.echo());
				echoes[i] = System.nanoTime() - start;
			}
		}
		long oneAssociationTotal = System.nanoTime() - totalStart;
		print("dicom-net", "connect+echo+release", associations);
		print("dicom-net", "echo in one association", echoes);
		System.out.printf("%-10s %-26s total %8.1f ms for %d echoes incl. association setup%n", "dicom-net",
				"one association", oneAssociationTotal / 1e6, count);
	}

	private static void check(int status) {
		if (status != 0) {
			throw new IllegalStateException("C-ECHO status " + Integer.toHexString(status));
		}
	}

	private static void print(String who, String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
		System.out.printf("%-10s %-26s mean %7.3f ms  p50 %7.3f ms  p99 %7.3f ms  (n=%d)%n", who, what, mean,
				sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, nanos.length);
	}

}
