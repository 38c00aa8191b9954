package io.github.dicomscu.sample.scp;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the sample's embedded SCP, the peer that the remote
 * {@code local} points at when no PACS is at hand.
 */
@ConfigurationProperties("sample.embedded-scp")
public class EmbeddedScpProperties {

	/**
	 * Port the embedded SCP listens on, on the loopback address. 0 picks an ephemeral port;
	 * the remote 'local' then has to be pointed at the actual port, as the tests do.
	 */
	private int port = 11112;

	/**
	 * AE title that callers of the embedded SCP must use as called AE title.
	 */
	private String aeTitle = "SAMPLESCP";

	/**
	 * Directory the embedded SCP stores the instances it receives with C-STORE in, as Part 10
	 * files named after their SOP Instance UID. Created if missing; relative to the working
	 * directory.
	 */
	private Path directory = Path.of("target", "received");

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public String getAeTitle() {
		return this.aeTitle;
	}

	public void setAeTitle(String aeTitle) {
		this.aeTitle = aeTitle;
	}

	public Path getDirectory() {
		return this.directory;
	}

	public void setDirectory(Path directory) {
		this.directory = directory;
	}

}
