package io.github.dicomscu.net.association;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.dicomscu.net.scp.DicomScp;

/**
 * Our SCP in a JVM of its own, for {@link MemoryBoundedScpTests}: accepts Verification
 * and CT Image Storage (without a handler, so a C-STORE data set is collected in memory)
 * with the in-memory limit given as the first argument, prints {@code PORT n}, then
 * answers {@code report} on standard input with its peak heap, resident set high-water
 * mark and thread count, and stops on {@code exit} or the end of standard input.
 */
public final class MemoryBoundedScpMain {

	private MemoryBoundedScpMain() {
	}

	public static void main(String[] args) throws IOException {
		try (DicomScp scp = DicomScp.builder()
			.accept(MemoryBoundedScpTests.CT_IMAGE_STORAGE)
			.maxDataSetInMemory(Long.parseLong(args[0]))
			.build()
			.start()) {
			System.out.println("PORT " + scp.getPort());
			BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line;
			while ((line = commands.readLine()) != null && !line.equals("exit")) {
				if (line.equals("report")) {
					System.out.println("REPORT peakHeap=" + peakHeap() + " rssHighWaterKb=" + rssHighWaterKb()
							+ " threads=" + Thread.activeCount() + " active=" + scp.getActiveConnectionCount());
				}
			}
		}
	}

	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	private static String rssHighWaterKb() throws IOException {
		return Files.readAllLines(Path.of("/proc/self/status"))
			.stream()
			.filter((line) -> line.startsWith("VmHWM:"))
			.map((line) -> line.replaceAll("\\D", ""))
			.findFirst()
			.orElse("?");
	}

}
