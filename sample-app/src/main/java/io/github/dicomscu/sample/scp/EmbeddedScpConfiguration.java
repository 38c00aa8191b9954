package io.github.dicomscu.sample.scp;

import java.io.IOException;

import io.github.dicomscu.net.scp.DicomScp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the engine's {@link DicomScp} on the loopback address, answering C-ECHO, so that the
 * sample has a peer without a PACS: the remote {@code local} in {@code application.yml}
 * points at it. The SCP listens as soon as the bean exists and stops with the context.
 * Switched off with {@code sample.embedded-scp.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "sample.embedded-scp.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedScpProperties.class)
public class EmbeddedScpConfiguration {

	@Bean(destroyMethod = "stop")
	DicomScp embeddedScp(EmbeddedScpProperties properties) throws IOException {
		return DicomScp.builder().aeTitle(properties.getAeTitle()).port(properties.getPort()).build().start();
	}

}
