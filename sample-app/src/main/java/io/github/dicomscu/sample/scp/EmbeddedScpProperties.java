package io.github.dicomscu.sample.scp;

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

}
