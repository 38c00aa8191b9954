package io.github.dicomscu.autoconfigure;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Masks the user identity passcodes and tokens of {@code dicom.scu.remotes} in the
 * actuator's {@code configprops} and {@code env} endpoints, even with
 * {@code show-values=always}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SanitizingFunction.class)
class DicomScuSanitizingConfiguration {

	/**
	 * A passcode or token key, once every run of characters other than letters and digits
	 * became one dot: {@code dicom.scu.remotes.pacs.user-identity.passcode},
	 * {@code dicom.scu.remotes[pacs].userIdentity.token} and the environment variable
	 * {@code DICOM_SCU_REMOTES_PACS_USERIDENTITY_PASSCODE} all match.
	 */
	static final Pattern CREDENTIAL_KEY = Pattern
		.compile("dicom\\.scu\\.remotes\\..+\\.user\\.?identity\\.(passcode|token)");

	@Bean
	SanitizingFunction dicomScuCredentialSanitizingFunction() {
		return SanitizingFunction.sanitizeValue().ifKeyMatches(DicomScuSanitizingConfiguration::isCredential);
	}

	static boolean isCredential(String key) {
		String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
		return CREDENTIAL_KEY.matcher(normalized).matches();
	}

}
