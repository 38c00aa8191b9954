package io.github.dicomscu.sample.web;

import java.util.List;

import io.github.dicomscu.scu.AeTemplate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the remote AEs configured under {@code dicom.scu.remotes} and verifies them with
 * C-ECHO. Failures are turned into problem details by {@link DicomAccessExceptionHandler}.
 */
@RestController
@RequestMapping("/api/remotes")
public class RemoteController {

	private final AeTemplate aeOperations;

	public RemoteController(AeTemplate aeOperations) {
		this.aeOperations = aeOperations;
	}

	@GetMapping
	public List<RemoteResponse> remotes() {
		return this.aeOperations.getRemotes().values().stream().map(RemoteResponse::of).toList();
	}

	@PostMapping("/{name}/echo")
	public EchoResponse echo(@PathVariable String name) {
		return EchoResponse.of(this.aeOperations.echo(name));
	}

}
