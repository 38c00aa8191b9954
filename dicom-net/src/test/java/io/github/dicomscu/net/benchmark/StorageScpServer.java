package io.github.dicomscu.net.benchmark;

import java.nio.file.Path;

import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.storage.StorageScp;

/**
 * Runs this engine's storage SCP until the process is killed, keeping the instances in a
 * directory, for {@code benchmarks/store.sh}. Prints {@code listening} once it accepts
 * associations.
 */
public final class StorageScpServer {

	private StorageScpServer() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 4) {
			System.err.println("usage: StorageScpServer aeTitle port maxPduLength directory");
			System.exit(2);
		}
		DicomScp scp = StorageScp.toDirectory(Path.of(args[3]))
			.addTo(DicomScp.builder().aeTitle(args[0]).port(Integer.parseInt(args[1])))
			.maxPduLength(Long.parseLong(args[2]))
			.build()
			.start();
		System.out.println("listening on " + scp.getPort());
		Thread.currentThread().join();
	}

}
