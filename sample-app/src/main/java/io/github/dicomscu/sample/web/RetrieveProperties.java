package io.github.dicomscu.sample.web;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the sample's retrieve endpoints.
 */
@ConfigurationProperties("sample.retrieve")
public class RetrieveProperties {

	/**
	 * Directory that C-GET stores the instances it receives in, as Part 10 files named
	 * after their SOP Instance UID. Created if missing; relative to the working
	 * directory.
	 */
	private Path directory = Path.of("target", "retrieved");

	/**
	 * Longest time a C-MOVE or C-GET may take from the request to its final response. A
	 * remote that keeps answering pending past it has its association aborted, and the
	 * request is answered with 504.
	 */
	private Duration timeout = Duration.ofMinutes(10);

	public Path getDirectory() {
		return this.directory;
	}

	public void setDirectory(Path directory) {
		this.directory = directory;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
