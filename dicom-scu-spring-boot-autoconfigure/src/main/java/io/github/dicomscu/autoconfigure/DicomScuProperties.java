package io.github.dicomscu.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dicomscu.data.UidDictionary;
import io.github.dicomscu.net.association.AssociationRequest;
import io.github.dicomscu.net.association.AssociationTimeouts;
import io.github.dicomscu.net.association.ClientAuth;
import io.github.dicomscu.net.association.MaxDataSetInMemory;
import io.github.dicomscu.net.association.Port;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.scp.ScpCapacity;
import io.github.dicomscu.scu.AeTemplate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the DICOM SCU: the local AE, its timers, the presentation
 * contexts it proposes, the remote AEs it talks to, what C-GET receives and the local
 * storage SCP that C-MOVE can send to.
 * <p>
 * The presentation contexts proposed to a remote are, in this order: the members of each
 * {@code context-sets} entry, set by set as listed (each set in pynetdicom's order), then
 * the {@code contexts} entries as listed. Context ids are assigned 1, 3, 5, … in that
 * order, and one association proposes at most 128 contexts. A remote that sets
 * {@code context-sets} or {@code contexts} of its own is proposed exactly those instead
 * of the global ones. With nothing configured, Verification alone is proposed, so that
 * C-ECHO and the health check work out of the box.
 * <p>
 * Abstract syntaxes and transfer syntaxes are given as keywords of the DICOM UID registry
 * (such as {@code CTImageStorage} or {@code ExplicitVRLittleEndian}) or as UIDs. Every
 * value is checked at startup.
 */
@ConfigurationProperties("dicom.scu")
public class DicomScuProperties {

	/**
	 * Whether to enable the DICOM SCU auto-configuration.
	 */
	private boolean enabled = true;

	/**
	 * Local (calling) AE title: 1 to 16 characters, no backslash, no control characters.
	 */
	private String aeTitle = AssociationRequest.DEFAULT_CALLING_AE_TITLE;

	/**
	 * Maximum length in bytes of the P-DATA-TF PDUs received, 0 for no limit.
	 */
	private long maxPduLength = AssociationRequest.DEFAULT_MAX_PDU_LENGTH;

	/**
	 * Largest data set received from a remote that is held in memory, such as a C-FIND
	 * match; a larger one aborts the association.
	 */
	private DataSize maxDataSetInMemory = DataSize.ofBytes(MaxDataSetInMemory.DEFAULT);

	/**
	 * Transfer syntaxes, keywords or UIDs in order of preference, proposed for every
	 * context that names none (context sets included).
	 */
	private List<String> transferSyntaxes = keywords(PresentationContext.DEFAULT_TRANSFER_SYNTAXES);

	/**
	 * Prebuilt context sets to propose first, in the order listed, such as 'storage',
	 * 'query-retrieve' or 'verification'.
	 */
	private List<String> contextSets = new ArrayList<>(List.of("verification"));

	/**
	 * Presentation contexts to propose after the context sets, in the order listed.
	 */
	private List<Context> contexts = new ArrayList<>();

	/**
	 * Remote AEs by name.
	 */
	private Map<String, Remote> remotes = new LinkedHashMap<>();

	private final Timeouts timeouts = new Timeouts();

	private final BindAddress bindAddress = new BindAddress();

	private final Health health = new Health();

	private final Query query = new Query();

	private final Retrieve retrieve = new Retrieve();

	private final StorageScp storageScp = new StorageScp();

	private static List<String> keywords(List<String> uids) {
		return new ArrayList<>(uids.stream().map((uid) -> UidDictionary.forUid(uid).orElseThrow().keyword()).toList());
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getAeTitle() {
		return this.aeTitle;
	}

	public void setAeTitle(String aeTitle) {
		this.aeTitle = aeTitle;
	}

	public long getMaxPduLength() {
		return this.maxPduLength;
	}

	public void setMaxPduLength(long maxPduLength) {
		this.maxPduLength = maxPduLength;
	}

	public DataSize getMaxDataSetInMemory() {
		return this.maxDataSetInMemory;
	}

	public void setMaxDataSetInMemory(DataSize maxDataSetInMemory) {
		this.maxDataSetInMemory = maxDataSetInMemory;
	}

	public List<String> getTransferSyntaxes() {
		return this.transferSyntaxes;
	}

	public void setTransferSyntaxes(List<String> transferSyntaxes) {
		this.transferSyntaxes = transferSyntaxes;
	}

	public List<String> getContextSets() {
		return this.contextSets;
	}

	public void setContextSets(List<String> contextSets) {
		this.contextSets = contextSets;
	}

	public List<Context> getContexts() {
		return this.contexts;
	}

	public void setContexts(List<Context> contexts) {
		this.contexts = contexts;
	}

	public Map<String, Remote> getRemotes() {
		return this.remotes;
	}

	public void setRemotes(Map<String, Remote> remotes) {
		this.remotes = remotes;
	}

	public Timeouts getTimeouts() {
		return this.timeouts;
	}

	public BindAddress getBindAddress() {
		return this.bindAddress;
	}

	public Health getHealth() {
		return this.health;
	}

	public Query getQuery() {
		return this.query;
	}

	public Retrieve getRetrieve() {
		return this.retrieve;
	}

	public StorageScp getStorageScp() {
		return this.storageScp;
	}

	/**
	 * Timers of every association.
	 */
	public static class Timeouts {

		/**
		 * Time allowed to establish the TCP connection.
		 */
		private Duration connect = AssociationTimeouts.DEFAULT_CONNECT;

		/**
		 * Time an association or release request may take, from the sending of the
		 * request until the whole response has arrived.
		 */
		private Duration acse = AssociationTimeouts.DEFAULT_ACSE;

		/**
		 * Time a DIMSE response may take, from the start of its wait until the whole
		 * message has arrived (each PDU, for a data set streamed to a file).
		 */
		private Duration dimse = AssociationTimeouts.DEFAULT_DIMSE;

		/**
		 * Time an acceptor waits for the first PDU of the next request.
		 */
		private Duration idle = AssociationTimeouts.DEFAULT_IDLE;

		/**
		 * Time a remote has, after a C-CANCEL-RQ of a C-FIND, C-MOVE or C-GET, to send
		 * its final response; a remote that still sends pending responses after it gets
		 * an A-ABORT.
		 */
		private Duration cancelGrace = AssociationTimeouts.DEFAULT_CANCEL_GRACE;

		public Duration getConnect() {
			return this.connect;
		}

		public void setConnect(Duration connect) {
			this.connect = connect;
		}

		public Duration getAcse() {
			return this.acse;
		}

		public void setAcse(Duration acse) {
			this.acse = acse;
		}

		public Duration getDimse() {
			return this.dimse;
		}

		public void setDimse(Duration dimse) {
			this.dimse = dimse;
		}

		public Duration getIdle() {
			return this.idle;
		}

		public void setIdle(Duration idle) {
			this.idle = idle;
		}

		public Duration getCancelGrace() {
			return this.cancelGrace;
		}

		public void setCancelGrace(Duration cancelGrace) {
			this.cancelGrace = cancelGrace;
		}

	}

	/**
	 * One presentation context: an abstract syntax, the transfer syntaxes offered for it
	 * and an optional SCP/SCU role selection.
	 */
	public static class Context {

		/**
		 * Abstract syntax: a SOP class keyword such as 'CTImageStorage', or a UID.
		 */
		private String abstractSyntax;

		/**
		 * Transfer syntaxes, keywords or UIDs in order of preference; one value or a
		 * list. When not set, 'dicom.scu.transfer-syntaxes' applies.
		 */
		private List<String> transferSyntaxes;

		/**
		 * Whether to propose acting as SCU for the abstract syntax in an SCP/SCU role
		 * selection. When neither role is set, no role selection is proposed.
		 */
		private Boolean scuRole;

		/**
		 * Whether to propose acting as SCP for the abstract syntax in an SCP/SCU role
		 * selection, as C-GET needs for the storage SOP classes it retrieves.
		 */
		private Boolean scpRole;

		public String getAbstractSyntax() {
			return this.abstractSyntax;
		}

		public void setAbstractSyntax(String abstractSyntax) {
			this.abstractSyntax = abstractSyntax;
		}

		public List<String> getTransferSyntaxes() {
			return this.transferSyntaxes;
		}

		public void setTransferSyntaxes(List<String> transferSyntaxes) {
			this.transferSyntaxes = transferSyntaxes;
		}

		public Boolean getScuRole() {
			return this.scuRole;
		}

		public void setScuRole(Boolean scuRole) {
			this.scuRole = scuRole;
		}

		public Boolean getScpRole() {
			return this.scpRole;
		}

		public void setScpRole(Boolean scpRole) {
			this.scpRole = scpRole;
		}

	}

	/**
	 * Local address associations are opened from.
	 */
	public static class BindAddress {

		/**
		 * Local host name or IPv4 or IPv6 address to bind to. When not set, the system
		 * chooses.
		 */
		private String host;

		/**
		 * Local port to bind to, 0 for an ephemeral one. A fixed port stays in TIME_WAIT
		 * for a while after each association.
		 */
		private int port;

		/**
		 * IPv6 flow information, 0 to 1048575. Applies to IPv6 addresses only.
		 */
		private int flowInfo;

		/**
		 * IPv6 scope id, such as the interface index of a link-local address; 0 for none.
		 * Applies to IPv6 addresses only.
		 */
		private int scopeId;

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public int getFlowInfo() {
			return this.flowInfo;
		}

		public void setFlowInfo(int flowInfo) {
			this.flowInfo = flowInfo;
		}

		public int getScopeId() {
			return this.scopeId;
		}

		public void setScopeId(int scopeId) {
			this.scopeId = scopeId;
		}

	}

	/**
	 * A remote AE.
	 */
	public static class Remote {

		/**
		 * Host name or address of the remote AE.
		 */
		private String host;

		/**
		 * Port of the remote AE.
		 */
		private int port = Port.ACR_NEMA;

		/**
		 * AE title of the remote AE (the called AE title).
		 */
		private String aeTitle = AssociationRequest.DEFAULT_CALLED_AE_TITLE;

		/**
		 * Prebuilt context sets proposed to this remote instead of the global ones, in
		 * the order listed.
		 */
		private List<String> contextSets;

		/**
		 * Presentation contexts proposed to this remote after its context sets, instead
		 * of the global ones.
		 */
		private List<Context> contexts;

		private final RemoteHealth health = new RemoteHealth();

		/**
		 * User identity sent in each association request to the remote.
		 */
		private final UserIdentity userIdentity = new UserIdentity();

		private final RemoteSsl ssl = new RemoteSsl();

		public RemoteSsl getSsl() {
			return this.ssl;
		}

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

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

		public List<String> getContextSets() {
			return this.contextSets;
		}

		public void setContextSets(List<String> contextSets) {
			this.contextSets = contextSets;
		}

		public List<Context> getContexts() {
			return this.contexts;
		}

		public void setContexts(List<Context> contexts) {
			this.contexts = contexts;
		}

		public RemoteHealth getHealth() {
			return this.health;
		}

		public UserIdentity getUserIdentity() {
			return this.userIdentity;
		}

	}

	/**
	 * User identity negotiation (PS3.7 D.3.3.7) with a remote. Passcodes and tokens are
	 * masked in the actuator's configprops endpoint and never logged.
	 */
	public static class UserIdentity {

		/**
		 * Type of user identity sent: 'username', 'username-passcode', 'kerberos', 'saml'
		 * or 'jwt'. When not set, no user identity is sent.
		 */
		private String type;

		/**
		 * Username, for the 'username' and 'username-passcode' types.
		 */
		private String username;

		/**
		 * Passcode, for the 'username-passcode' type.
		 */
		private String passcode;

		/**
		 * Token, for the 'saml' (the SAML assertion), 'jwt' (the JSON web token) and
		 * 'kerberos' (the service ticket, in Base64) types.
		 */
		private String token;

		/**
		 * Whether to ask the remote for a positive response; an association the remote
		 * accepts without one is aborted and the operation fails.
		 */
		private boolean positiveResponseRequested;

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPasscode() {
			return this.passcode;
		}

		public void setPasscode(String passcode) {
			this.passcode = passcode;
		}

		public String getToken() {
			return this.token;
		}

		public void setToken(String token) {
			this.token = token;
		}

		public boolean isPositiveResponseRequested() {
			return this.positiveResponseRequested;
		}

		public void setPositiveResponseRequested(boolean positiveResponseRequested) {
			this.positiveResponseRequested = positiveResponseRequested;
		}

	}

	/**
	 * Health check of one remote AE.
	 */
	public static class RemoteHealth {

		/**
		 * Whether the remote AE is part of the 'dicom' health contributor.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Health check of the remote AEs.
	 */
	public static class Health {

		/**
		 * Timeout of a whole health check: connect, association, C-ECHO and release
		 * together. The remotes of one health request are checked in parallel.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Bounds of C-FIND.
	 */
	public static class Query {

		/**
		 * Maximum number of matches a findAll collects in memory. A remote that returns
		 * more gets a C-CANCEL-RQ and the caller a TooManyMatchesException; the lazy find
		 * stream is not bounded.
		 */
		private int maxResults = AeTemplate.DEFAULT_MAX_FIND_RESULTS;

		public int getMaxResults() {
			return this.maxResults;
		}

		public void setMaxResults(int maxResults) {
			this.maxResults = maxResults;
		}

	}

	/**
	 * What C-GET receives: the storage SOP classes proposed with the SCP role, after the
	 * GET context, on the association of a C-GET.
	 */
	public static class Retrieve {

		/**
		 * Storage SOP classes that C-GET receives, each proposed in a context of its own
		 * with the SCP role: SOP class keywords such as 'CTImageStorage', UIDs, or the
		 * names of prebuilt context sets such as 'storage'. With the GET context they
		 * count towards the limit of 128 contexts; a SOP class listed twice is proposed
		 * once.
		 */
		private List<String> storageSopClasses = new ArrayList<>(AeTemplate.DEFAULT_RETRIEVE_STORAGE_SOP_CLASSES);

		/**
		 * Transfer syntaxes, keywords or UIDs in order of preference, proposed for the
		 * storage SOP classes that C-GET receives. When not set,
		 * 'dicom.scu.transfer-syntaxes' applies.
		 */
		private List<String> transferSyntaxes;

		public List<String> getStorageSopClasses() {
			return this.storageSopClasses;
		}

		public void setStorageSopClasses(List<String> storageSopClasses) {
			this.storageSopClasses = storageSopClasses;
		}

		public List<String> getTransferSyntaxes() {
			return this.transferSyntaxes;
		}

		public void setTransferSyntaxes(List<String> transferSyntaxes) {
			this.transferSyntaxes = transferSyntaxes;
		}

	}

	/**
	 * The local storage SCP: receives C-STORE requests of every storage SOP class, such
	 * as the sub-operations of a C-MOVE whose destination is this application, and writes
	 * each instance into a directory. It uses 'dicom.scu.max-pdu-length' and
	 * 'dicom.scu.timeouts'.
	 */
	public static class StorageScp {

		/**
		 * Whether to run the storage SCP. It starts listening when the application
		 * context has started and stops when it closes.
		 */
		private boolean enabled;

		/**
		 * AE title the storage SCP answers to, the move destination that remotes know
		 * this application by. When not set, 'dicom.scu.ae-title' applies.
		 */
		private String aeTitle;

		/**
		 * Port the storage SCP listens on, 0 for an ephemeral one.
		 */
		private int port = Port.DICOM;

		/**
		 * Local host name or IPv4 or IPv6 address the storage SCP listens on. When not
		 * set, it listens on every interface.
		 */
		private String bindHost;

		/**
		 * Calling AE titles allowed to associate with the storage SCP; others are
		 * rejected with calling-AE-title-not-recognized. When empty, any is allowed.
		 */
		private List<String> allowedCallingAeTitles = new ArrayList<>();

		/**
		 * Directory received instances are written to, one Part 10 file each, named after
		 * its SOP Instance UID with the extension '.dcm'; created if missing. Required
		 * when the storage SCP is enabled.
		 */
		private Path directory;

		/**
		 * Largest data set received by the storage SCP that is held in memory (one no
		 * handler streams to a file); a larger one aborts the association.
		 */
		private DataSize maxDataSetInMemory = DataSize.ofBytes(MaxDataSetInMemory.DEFAULT);

		/**
		 * Maximum number of associations the storage SCP serves at once; more are
		 * rejected transiently with local-limit-exceeded.
		 */
		private int maxAssociations = ScpCapacity.DEFAULT_MAX_ASSOCIATIONS;

		/**
		 * Maximum number of associations the storage SCP serves at once for one calling
		 * AE title; more are rejected transiently with local-limit-exceeded.
		 */
		private int maxAssociationsPerCallingAeTitle = ScpCapacity.DEFAULT_MAX_ASSOCIATIONS_PER_CALLING_AE_TITLE;

		/**
		 * Maximum number of connections to the storage SCP that await their
		 * A-ASSOCIATE-RQ at once, each until its ARTIM timer expires; a connection beyond
		 * them is closed at once.
		 */
		private int maxPendingConnections = ScpCapacity.DEFAULT_MAX_PENDING_CONNECTIONS;

		private final ScpSsl ssl = new ScpSsl();

		public ScpSsl getSsl() {
			return this.ssl;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getAeTitle() {
			return this.aeTitle;
		}

		public void setAeTitle(String aeTitle) {
			this.aeTitle = aeTitle;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public String getBindHost() {
			return this.bindHost;
		}

		public void setBindHost(String bindHost) {
			this.bindHost = bindHost;
		}

		public List<String> getAllowedCallingAeTitles() {
			return this.allowedCallingAeTitles;
		}

		public void setAllowedCallingAeTitles(List<String> allowedCallingAeTitles) {
			this.allowedCallingAeTitles = allowedCallingAeTitles;
		}

		public Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(Path directory) {
			this.directory = directory;
		}

		public DataSize getMaxDataSetInMemory() {
			return this.maxDataSetInMemory;
		}

		public void setMaxDataSetInMemory(DataSize maxDataSetInMemory) {
			this.maxDataSetInMemory = maxDataSetInMemory;
		}

		public int getMaxAssociations() {
			return this.maxAssociations;
		}

		public void setMaxAssociations(int maxAssociations) {
			this.maxAssociations = maxAssociations;
		}

		public int getMaxAssociationsPerCallingAeTitle() {
			return this.maxAssociationsPerCallingAeTitle;
		}

		public void setMaxAssociationsPerCallingAeTitle(int maxAssociationsPerCallingAeTitle) {
			this.maxAssociationsPerCallingAeTitle = maxAssociationsPerCallingAeTitle;
		}

		public int getMaxPendingConnections() {
			return this.maxPendingConnections;
		}

		public void setMaxPendingConnections(int maxPendingConnections) {
			this.maxPendingConnections = maxPendingConnections;
		}

	}

	/**
	 * TLS towards a remote (PS3.15 Annex B): the BCP 195 protocols and cipher suites
	 * unless the bundle's options name others.
	 */
	public static class RemoteSsl {

		/**
		 * Whether associations with the remote use TLS; implied by a bundle. Without a
		 * bundle, the JVM's default trust store is used.
		 */
		private boolean enabled;

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.jks.* or spring.ssl.bundle.pem.*)
		 * with the trust and, for mutual TLS, our key. A reloaded bundle applies to the
		 * next association.
		 */
		private String bundle;

		/**
		 * Whether the remote's certificate must name its host name or IP address.
		 */
		private boolean verifyHostname = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

		public boolean isVerifyHostname() {
			return this.verifyHostname;
		}

		public void setVerifyHostname(boolean verifyHostname) {
			this.verifyHostname = verifyHostname;
		}

	}

	/**
	 * TLS for the storage SCP: every connection is secured with the bundle's key.
	 */
	public static class ScpSsl {

		/**
		 * Name of the SSL bundle with the SCP's key and certificate and the trust for
		 * client certificates. A reloaded bundle applies to the next connection.
		 */
		private String bundle;

		/**
		 * Whether the SCP asks requestors for a certificate: none, want or need.
		 */
		private ClientAuth clientAuth = ClientAuth.NONE;

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

		public ClientAuth getClientAuth() {
			return this.clientAuth;
		}

		public void setClientAuth(ClientAuth clientAuth) {
			this.clientAuth = clientAuth;
		}

	}

}
