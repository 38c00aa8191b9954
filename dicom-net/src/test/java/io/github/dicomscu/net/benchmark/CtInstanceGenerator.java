package io.github.dicomscu.net.benchmark;

import java.nio.file.Path;

import io.github.dicomscu.data.TransferSyntax;

/**
 * Writes the CT instances {@code benchmarks/store.sh} sends: {@code count} single-frame
 * instances of 512 KiB pixel data into a directory, or one multi-frame instance of a
 * given number of MiB of pixel data, written streaming.
 */
public final class CtInstanceGenerator {

	private CtInstanceGenerator() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 3 && args[0].equals("instances")) {
			CtInstances.write(Path.of(args[1]), Integer.parseInt(args[2]), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
			return;
		}
		if (args.length == 3 && args[0].equals("large")) {
			CtInstances.writeLarge(Path.of(args[1]), Long.parseLong(args[2]) * 1024 * 1024);
			return;
		}
		System.err.println("usage: CtInstanceGenerator instances directory count | large file mebibytes");
		System.exit(2);
	}

}
