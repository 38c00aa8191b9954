package io.github.dicomscu.sample.web;

import java.util.List;

import io.github.dicomscu.autoconfigure.ConfiguredRemotes;
import io.github.dicomscu.scu.AeOperations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the remote AEs configured under {@code dicom.scu.remotes} (from the
 * {@link ConfiguredRemotes} view) and verifies them with C-ECHO (through
 * {@link AeOperations}). Failures are turned into problem details by
 * {@link DicomAccessExceptionHandler}.
 */
@RestController
@RequestMapping("/api/remotes")
public class RemoteController {

	private final AeOperations aeOperations;

	private final ConfiguredRemotes remotes;

	public RemoteController(AeOperations aeOperations, ConfiguredRemotes remotes) {
		this.aeOperations = aeOperations;
		this.remotes = remotes;
	}

	@GetMapping
	public List<RemoteResponse> remotes() {
		return this.remotes.getRemotes().values().stream().map(RemoteResponse::of).toList();
	}

	@PostMapping("/{name}/echo")
	public EchoResponse echo(@PathVariable String name) {
		return EchoResponse.of(this.aeOperations.echo(name));
	}

}
