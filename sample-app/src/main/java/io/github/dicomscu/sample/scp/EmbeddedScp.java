package io.github.dicomscu.sample.scp;

import java.io.IOException;
import java.nio.file.Path;

import io.github.dicomscu.net.scp.DicomScp;
import io.github.dicomscu.net.storage.StorageScp;

/**
 * The sample's embedded SCP, the peer that the remote {@code local} points at: the engine's
 * {@link DicomScp} on the loopback address, answering C-ECHO and storing C-STORE requests of
 * every storage SOP class into a directory. It has no Query/Retrieve service.
 * <p>
 * It is deliberately not a {@link DicomScp} bean: the auto-configured storage SCP
 * ({@code dicom.scu.storage-scp}), which receives what C-MOVE sends to this application, backs
 * off when the application defines a {@link DicomScp} bean of its own.
 */
public final class EmbeddedScp {

	private final DicomScp scp;

	private final Path directory;

	private EmbeddedScp(DicomScp scp, Path directory) {
		this.scp = scp;
		this.directory = directory;
	}

	/**
	 * Start an embedded SCP as the properties say.
	 * @param properties the properties
	 * @return the running SCP
	 * @throws IOException if the port cannot be bound
	 */
	static EmbeddedScp start(EmbeddedScpProperties properties) throws IOException {
		DicomScp.Builder builder = DicomScp.builder().aeTitle(properties.getAeTitle()).port(properties.getPort());
		DicomScp scp = StorageScp.toDirectory(properties.getDirectory()).addTo(builder).build().start();
		return new EmbeddedScp(scp, properties.getDirectory());
	}

	/**
	 * Return the port it listens on, the ephemeral one chosen if 0 was configured.
	 * @return the port
	 */
	public int getPort() {
		return this.scp.getPort();
	}

	/**
	 * Return the AE title callers must use as called AE title.
	 * @return the AE title
	 */
	public String getAeTitle() {
		return this.scp.getAeTitle();
	}

	/**
	 * Return the directory it stores received instances in.
	 * @return the directory
	 */
	public Path getDirectory() {
		return this.directory;
	}

	/**
	 * Stop listening and abort the associations being served.
	 */
	public void stop() {
		this.scp.stop();
	}

}
