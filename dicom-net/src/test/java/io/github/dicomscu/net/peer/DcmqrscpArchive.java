package io.github.dicomscu.net.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.dicomscu.net.association.AssociationRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DCMTK's {@code dcmqrscp} as the archive of the Query/Retrieve tests of every module:
 * configured with one read-write AE and a host table of move destinations on the loopback
 * address, and loaded with the {@link SampleArchive} instances by DCMTK's
 * {@code storescu}.
 */
public final class DcmqrscpArchive implements AutoCloseable {

	/** The AE title of the archive. */
	public static final String AE_TITLE = "QRSCP";

	private final DcmtkPeer dcmqrscp;

	private DcmqrscpArchive(DcmtkPeer dcmqrscp) {
		this.dcmqrscp = dcmqrscp;
	}

	/**
	 * Configure, start and load the archive.
	 * @param directory a working directory for the configuration and the storage area
	 * @param moveDestinations AE titles the archive may move to, with their loopback
	 * ports
	 * @return the running archive
	 * @throws IOException if the files cannot be written
	 */
	public static DcmqrscpArchive start(Path directory, Map<String, Integer> moveDestinations) throws IOException {
		DcmtkPeer.require("storescu");
		Path storage = Files.createDirectories(directory.resolve("storage"));
		StringBuilder hosts = new StringBuilder();
		moveDestinations.forEach((aeTitle, port) -> hosts.append(aeTitle.toLowerCase())
			.append(" = (")
			.append(aeTitle)
			.append(", 127.0.0.1, ")
			.append(port)
			.append(")\n"));
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
		// one process per association: in single-process mode a failed association, such
		// as the
		// connection probe that tells that the server listens, can end the server
		DcmtkPeer dcmqrscp = DcmtkPeer.startServer("dcmqrscp", "--config", config.toString());
		DcmqrscpArchive archive = new DcmqrscpArchive(dcmqrscp);
		try {
			archive.load(SampleArchive.writeFiles(directory.resolve("instances")));
		}
		catch (RuntimeException | Error ex) {
			dcmqrscp.close();
			throw ex;
		}
		return archive;
	}

	private void load(List<Path> files) {
		List<String> arguments = new ArrayList<>(List.of("-aec", AE_TITLE, "127.0.0.1", Integer.toString(port())));
		files.forEach((file) -> arguments.add(file.toString()));
		DcmtkPeer.Result result = DcmtkPeer.run(Duration.ofSeconds(60), "storescu", arguments.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.output() + "\n" + output()).isZero();
	}

	/**
	 * Start an association request to the archive.
	 * @return the builder, with calling and called AE titles set
	 */
	public AssociationRequest.Builder request() {
		return AssociationRequest.builder("127.0.0.1", port()).callingAeTitle("QUERYSCU").calledAeTitle(AE_TITLE);
	}

	/**
	 * Return the port the archive listens on, on the loopback address.
	 * @return the port
	 */
	public int port() {
		return this.dcmqrscp.port();
	}

	/**
	 * Return what {@code dcmqrscp} printed so far.
	 * @return the output
	 */
	public String output() {
		return this.dcmqrscp.output();
	}

	@Override
	public void close() {
		this.dcmqrscp.close();
	}

}
