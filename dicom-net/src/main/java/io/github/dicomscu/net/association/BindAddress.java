package io.github.dicomscu.net.association;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Local address an association requestor binds its socket to before it connects: a host
 * and a port for IPv4, plus flow information and a scope id for IPv6. Port 0 picks an
 * ephemeral port.
 * <p>
 * The JDK offers no way to set the IPv6 flow label of a socket, so {@code flowInfo} is
 * validated (20 bits) and kept, but not applied; Linux ignores it on bind as well. The
 * scope id is applied to link-local addresses.
 *
 * @param host the local host name or literal address
 * @param port the local port, 0 for an ephemeral one
 * @param flowInfo the IPv6 flow information, 0 to {@value #MAXIMUM_FLOW_INFO}
 * @param scopeId the IPv6 scope id, 0 for none
 */
public record BindAddress(String host, int port, int flowInfo, int scopeId) {

	/** Largest IPv6 flow information: 20 bits. */
	public static final int MAXIMUM_FLOW_INFO = 0xFFFFF;

	public BindAddress {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("Bind address host must not be empty");
		}
		Port.checkLocal("Bind address", port);
		checkFlowInfo(flowInfo);
		checkScopeId(scopeId);
	}

	/**
	 * Check IPv6 flow information: 20 bits.
	 * @param flowInfo the flow information
	 * @return the flow information
	 * @throws IllegalArgumentException if it is outside 0 to {@value #MAXIMUM_FLOW_INFO}
	 */
	public static int checkFlowInfo(int flowInfo) {
		if (flowInfo < 0 || flowInfo > MAXIMUM_FLOW_INFO) {
			throw new IllegalArgumentException(
					"Bind address flow info " + flowInfo + " is outside 0-" + MAXIMUM_FLOW_INFO + " (20 bits)");
		}
		return flowInfo;
	}

	/**
	 * Check an IPv6 scope id.
	 * @param scopeId the scope id, 0 for none
	 * @return the scope id
	 * @throws IllegalArgumentException if it is negative
	 */
	public static int checkScopeId(int scopeId) {
		if (scopeId < 0) {
			throw new IllegalArgumentException("Bind address scope id " + scopeId + " must not be negative");
		}
		return scopeId;
	}

	/**
	 * Create an IPv4 (or host name) bind address.
	 * @param host the local host
	 * @param port the local port, 0 for an ephemeral one
	 * @return the bind address
	 */
	public static BindAddress ipv4(String host, int port) {
		return new BindAddress(host, port, 0, 0);
	}

	/**
	 * Create an IPv6 bind address.
	 * @param host the local IPv6 host
	 * @param port the local port, 0 for an ephemeral one
	 * @param flowInfo the flow information
	 * @param scopeId the scope id, 0 for none
	 * @return the bind address
	 */
	public static BindAddress ipv6(String host, int port, int flowInfo, int scopeId) {
		return new BindAddress(host, port, flowInfo, scopeId);
	}

	/**
	 * Resolve this bind address into a socket address.
	 * @return the socket address
	 * @throws UnknownHostException if the host does not resolve
	 * @throws IllegalArgumentException if IPv6 settings are given for an IPv4 host
	 */
	public InetSocketAddress toSocketAddress() throws UnknownHostException {
		InetAddress address = InetAddress.getByName(this.host);
		if (address instanceof Inet4Address && (this.flowInfo != 0 || this.scopeId != 0)) {
			throw new IllegalArgumentException(
					"Bind address " + this.host + " is IPv4; flow info and scope id apply to IPv6 only");
		}
		if (address instanceof Inet6Address && this.scopeId != 0) {
			address = Inet6Address.getByAddress(null, address.getAddress(), this.scopeId);
		}
		return new InetSocketAddress(address, this.port);
	}

	@Override
	public String toString() {
		String literal = (this.host.indexOf(':') >= 0) ? "[" + this.host + "]" : this.host;
		return literal + ":" + this.port + ((this.flowInfo != 0 || this.scopeId != 0)
				? " (flow info " + this.flowInfo + ", scope id " + this.scopeId + ")" : "");
	}

}
