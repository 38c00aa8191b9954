package io.github.dicomscu.sample.web;

import java.nio.file.Path;

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

	public Path getDirectory() {
		return this.directory;
	}

	public void setDirectory(Path directory) {
		this.directory = directory;
	}

}
