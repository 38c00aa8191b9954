package io.github.dicomscu.sample;

import io.github.dicomscu.sample.scp.EmbeddedScp;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the remote {@code local} at the port the embedded SCP actually listens on, so that
 * tests can run it on an ephemeral port ({@code sample.embedded-scp.port=0}). Registrar beans
 * are created before the other singletons, so the SCP is started before {@code dicom.scu.*}
 * is bound.
 */
@TestConfiguration(proxyBeanMethods = false)
class EmbeddedScpPortConfiguration {

	@Bean
	DynamicPropertyRegistrar localRemotePort(EmbeddedScp embeddedScp) {
		return (registry) -> registry.add("dicom.scu.remotes.local.port", embeddedScp::getPort);
	}

}
