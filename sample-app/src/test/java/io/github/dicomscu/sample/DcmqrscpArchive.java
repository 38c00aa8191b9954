package io.github.dicomscu.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.dicomscu.net.peer.DcmtkPeer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DCMTK's {@code dcmqrscp} as the archive of the query and retrieve tests: one read-write AE,
 * a host table of move destinations on the loopback address, loaded with the
 * {@link TestInstances} by DCMTK's {@code storescu}.
 */
final class DcmqrscpArchive implements AutoCloseable {

	static final String AE_TITLE = "QRSCP";

	private final DcmtkPeer dcmqrscp;

	private DcmqrscpArchive(DcmtkPeer dcmqrscp) {
		this.dcmqrscp = dcmqrscp;
	}

	/**
	 * Configure, start and load the archive.
	 * @param directory a working directory for the configuration, the storage area and the
	 * instances loaded
	 * @param moveDestinations AE titles the archive may move to, with their loopback ports
	 * @return the running archive
	 * @throws IOException if the files cannot be written
	 */
	static DcmqrscpArchive start(Path directory, Map<String, Integer> moveDestinations) throws IOException {
		DcmtkPeer.require("storescu");
		Path storage = Files.createDirectories(directory.resolve("storage"));
		StringBuilder hosts = new StringBuilder();
		moveDestinations.forEach((aeTitle, port) -> hosts
			.append("%s = (%s, 127.0.0.1, %d)%n".formatted(aeTitle.toLowerCase(), aeTitle, port)));
		Path config = directory.resolve("dcmqrscp.cfg");
		Files.writeString(config, """
				NetworkTCPPort = 104
				MaxPDUSize = 16384
				MaxAssociations = 16
				HostTable BEGIN
				%sHostTable END
				VendorTable BEGIN
				VendorTable END
				AETable BEGIN
				%s %s RW (200, 1024mb) ANY
				AETable END
				""".formatted(hosts, AE_TITLE, storage));
		// one process per association (the default): in single-process mode a failed
		// association, such as the probe that tells that the server listens, can end the server
		DcmtkPeer dcmqrscp = DcmtkPeer.startServer("dcmqrscp", "--config", config.toString());
		DcmqrscpArchive archive = new DcmqrscpArchive(dcmqrscp);
		try {
			archive.load(TestInstances.writeAll(directory.resolve("instances")));
		}
		catch (RuntimeException | Error ex) {
			dcmqrscp.close();
			throw ex;
		}
		return archive;
	}

	private void load(Path[] files) {
		List<String> arguments = new ArrayList<>(List.of("-aec", AE_TITLE, "127.0.0.1", Integer.toString(port())));
		for (Path file : files) {
			arguments.add(file.toString());
		}
		DcmtkPeer.Result result = DcmtkPeer.run(Duration.ofSeconds(60), "storescu", arguments.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.output() + "\n" + this.dcmqrscp.output()).isZero();
	}

	int port() {
		return this.dcmqrscp.port();
	}

	@Override
	public void close() {
		this.dcmqrscp.close();
	}

}
