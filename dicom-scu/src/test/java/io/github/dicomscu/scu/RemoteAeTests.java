package io.github.dicomscu.scu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RemoteAe}, which checks its AE title and port with the engine's
 * owners.
 */
class RemoteAeTests {

	@Test
	void aeTitleIsStripped() {
		assertThat(new RemoteAe("pacs", " PACS ", "pacs.example.org", 104).aeTitle()).isEqualTo("PACS");
	}

	@Test
	void invalidAeTitleIsRejectedByTheAeTitleRule() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RemoteAe("pacs", "A\\B", "pacs", 104))
			.withMessage("Invalid AE title of remote 'pacs' 'A\\B': it contains a backslash at position 2");
	}

	@Test
	void portOutsideOneTo65535IsRejectedByThePortRule() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RemoteAe("pacs", "PACS", "pacs", 0))
			.withMessage("Remote 'pacs' port 0 is outside 1-65535");
	}

	@Test
	void hostIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RemoteAe("pacs", "PACS", null, 104))
			.withMessage("Remote 'pacs' has no host");
	}

}
