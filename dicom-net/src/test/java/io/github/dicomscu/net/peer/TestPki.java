package io.github.dicomscu.net.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certification authority made at test time, and the leaf certificates it signs: no
 * private key is ever committed. Leaves name {@code localhost} and {@code 127.0.0.1} in
 * their subject alternative names unless told otherwise; each can be written as PEM files
 * for DCMTK or Spring SSL bundles, or turned into an {@link SSLContext}.
 */
public final class TestPki {

	private static final AtomicLong serials = new AtomicLong(System.currentTimeMillis());

	private final String name;

	private final KeyPair keyPair;

	private final X509Certificate certificate;

	private TestPki(String name) {
		this.name = name;
		this.keyPair = newKeyPair();
		Instant now = Instant.now();
		this.certificate = sign(new X500Name("CN=" + name), this.keyPair, now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(30)), true, null);
	}

	/**
	 * Create a certification authority.
	 * @param name its common name
	 * @return the authority
	 */
	public static TestPki create(String name) {
		return new TestPki(name);
	}

	/**
	 * Return the authority's own certificate.
	 * @return the certificate
	 */
	public X509Certificate certificate() {
		return this.certificate;
	}

	/**
	 * Issue a leaf valid from yesterday for a month, naming {@code localhost} and
	 * {@code 127.0.0.1}.
	 * @param commonName the subject's common name
	 * @return the leaf
	 */
	public Leaf leaf(String commonName) {
		Instant now = Instant.now();
		return leaf(commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
				new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
						new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
	}

	/**
	 * Issue a leaf that expired yesterday, naming {@code localhost} and
	 * {@code 127.0.0.1}.
	 * @param commonName the subject's common name
	 * @return the leaf
	 */
	public Leaf expiredLeaf(String commonName) {
		Instant now = Instant.now();
		return leaf(commonName, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)),
				new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
						new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
	}

	/**
	 * Issue a valid leaf that names only another host.
	 * @param commonName the subject's common name
	 * @param dnsName the only host name it names
	 * @return the leaf
	 */
	public Leaf leafFor(String commonName, String dnsName) {
		Instant now = Instant.now();
		return leaf(commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
				new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
	}

	/**
	 * Write the authority's certificate as a PEM file.
	 * @param file the file
	 * @return the file
	 */
	public Path writeCertificate(Path file) {
		return writePem(file, this.certificate);
	}

	/**
	 * Return an SSL context with a key (or none) that trusts the given authorities.
	 * @param key the leaf whose key and certificate to present, or {@code null}
	 * @param trusted the authorities to trust
	 * @return the context
	 */
	public static SSLContext context(Leaf key, TestPki... trusted) {
		try {
			KeyStore trustStore = KeyStore.getInstance("PKCS12");
			trustStore.load(null, null);
			for (TestPki authority : trusted) {
				trustStore.setCertificateEntry(authority.name, authority.certificate);
			}
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trustStore);
			KeyManagerFactory keyManagers = null;
			if (key != null) {
				char[] password = "test".toCharArray();
				KeyStore keyStore = KeyStore.getInstance("PKCS12");
				keyStore.load(null, null);
				keyStore.setKeyEntry("key", key.privateKey(), password,
						new X509Certificate[] { key.certificate(), key.issuer().certificate });
				keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keyManagers.init(keyStore, password);
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init((keyManagers != null) ? keyManagers.getKeyManagers() : null, trustManagers.getTrustManagers(),
					null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Leaf leaf(String commonName, Instant notBefore, Instant notAfter, GeneralNames names) {
		KeyPair leafKeys = newKeyPair();
		X509Certificate leaf = sign(new X500Name("CN=" + commonName), leafKeys, notBefore, notAfter, false, names);
		return new Leaf(this, leafKeys.getPrivate(), leaf);
	}

	private X509Certificate sign(X500Name subject, KeyPair subjectKeys, Instant notBefore, Instant notAfter,
			boolean authority, GeneralNames names) {
		try {
			X500Name issuer = (this.certificate != null)
					? new X500Name(this.certificate.getSubjectX500Principal().getName()) : subject;
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
					BigInteger.valueOf(serials.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
					subjectKeys.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
			builder.addExtension(Extension.keyUsage, true,
					authority ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
							: new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
			if (names != null) {
				builder.addExtension(Extension.subjectAlternativeName, false, names);
			}
			ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(this.keyPair.getPrivate());
			return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot make a test certificate", ex);
		}
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path writePem(Path file, Object... objects) {
		try (Writer writer = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
			for (Object object : objects) {
				pem.writeObject(object);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A leaf certificate with its private key.
	 *
	 * @param issuer the authority that signed it
	 * @param privateKey its private key
	 * @param certificate its certificate
	 */
	public record Leaf(TestPki issuer, PrivateKey privateKey, X509Certificate certificate) {

		/**
		 * Write the certificate (followed by the issuer's) as a PEM file.
		 * @param file the file
		 * @return the file
		 */
		public Path writeCertificate(Path file) {
			return writePem(file, this.certificate, this.issuer.certificate);
		}

		/**
		 * Write the private key as an unencrypted PKCS#8 PEM file.
		 * @param file the file
		 * @return the file
		 */
		public Path writePrivateKey(Path file) {
			return writePem(file, PrivateKeyInfo.getInstance(this.privateKey.getEncoded()));
		}

		@Override
		public String toString() {
			return "Leaf " + this.certificate.getSubjectX500Principal().getName();
		}

	}

}
