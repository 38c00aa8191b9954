package io.github.dicomscu.net.context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.dicomscu.data.Uid;
import io.github.dicomscu.data.UidDictionary;

/**
 * A presentation context to propose: one abstract syntax, the transfer syntaxes offered
 * for it in order of preference, and optionally an SCP/SCU role selection.
 * <p>
 * Instances are immutable and compare by value. All syntaxes are held as valid UIDs: the
 * factories accept registry keywords (such as {@code CTImageStorage}) or UIDs, resolve
 * keywords, drop repeated transfer syntaxes (keeping the first) and reject an empty list.
 * A {@code null} role means that no role selection is proposed for it.
 */
public final class PresentationContext {

	/**
	 * Transfer syntaxes proposed when none are given: Implicit VR Little Endian, Explicit
	 * VR Little Endian, Deflated Explicit VR Little Endian and Explicit VR Big Endian, in
	 * that order.
	 */
	public static final List<String> DEFAULT_TRANSFER_SYNTAXES = List.of(Uid.IMPLICIT_VR_LITTLE_ENDIAN,
			Uid.EXPLICIT_VR_LITTLE_ENDIAN, Uid.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, Uid.EXPLICIT_VR_BIG_ENDIAN);

	private final String abstractSyntax;

	private final List<String> transferSyntaxes;

	private final Boolean scuRole;

	private final Boolean scpRole;

	private PresentationContext(String abstractSyntax, List<String> transferSyntaxes, Boolean scuRole,
			Boolean scpRole) {
		this.abstractSyntax = abstractSyntax;
		this.transferSyntaxes = transferSyntaxes;
		this.scuRole = scuRole;
		this.scpRole = scpRole;
	}

	/**
	 * Create a context offering the {@link #DEFAULT_TRANSFER_SYNTAXES}.
	 * @param abstractSyntax a keyword such as {@code CTImageStorage} or a UID
	 * @return the context
	 * @throws IllegalArgumentException if the abstract syntax is not a known keyword or a
	 * valid UID
	 */
	public static PresentationContext of(String abstractSyntax) {
		return new PresentationContext(resolve("Abstract syntax", abstractSyntax), DEFAULT_TRANSFER_SYNTAXES, null,
				null);
	}

	/**
	 * Create a context offering the given transfer syntaxes in the given order.
	 * @param abstractSyntax a keyword such as {@code CTImageStorage} or a UID
	 * @param transferSyntaxes keywords or UIDs; repeats are dropped, keeping the first
	 * @return the context
	 * @throws IllegalArgumentException if a syntax is not a known keyword or a valid UID,
	 * or no transfer syntax is given
	 */
	public static PresentationContext of(String abstractSyntax, String... transferSyntaxes) {
		if (transferSyntaxes == null) {
			throw new IllegalArgumentException("Transfer syntaxes must not be null");
		}
		return of(abstractSyntax, Arrays.asList(transferSyntaxes));
	}

	/**
	 * Create a context offering the given transfer syntaxes in the given order.
	 * @param abstractSyntax a keyword such as {@code CTImageStorage} or a UID
	 * @param transferSyntaxes keywords or UIDs; repeats are dropped, keeping the first
	 * @return the context
	 * @throws IllegalArgumentException if a syntax is not a known keyword or a valid UID,
	 * or the list is empty
	 */
	public static PresentationContext of(String abstractSyntax, List<String> transferSyntaxes) {
		String abstractUid = resolve("Abstract syntax", abstractSyntax);
		if (transferSyntaxes == null || transferSyntaxes.isEmpty()) {
			throw new IllegalArgumentException(
					"At least one transfer syntax is required for the presentation context of "
							+ UidDictionary.nameOf(abstractUid) + ", but the list is empty");
		}
		Set<String> uids = new LinkedHashSet<>();
		for (String transferSyntax : transferSyntaxes) {
			uids.add(resolve("Transfer syntax", transferSyntax));
		}
		return new PresentationContext(abstractUid, List.copyOf(uids), null, null);
	}

	private static String resolve(String what, String keywordOrUid) {
		if (keywordOrUid == null) {
			throw new IllegalArgumentException(what + " must not be null");
		}
		return UidDictionary.toUid(keywordOrUid);
	}

	/**
	 * Return a copy of this context that proposes the given SCP/SCU role selection.
	 * @param scuRole whether to propose acting as SCU, or {@code null} to propose no role
	 * selection for it
	 * @param scpRole whether to propose acting as SCP, or {@code null} to propose no role
	 * selection for it
	 * @return the copy
	 */
	public PresentationContext withRoles(Boolean scuRole, Boolean scpRole) {
		return new PresentationContext(this.abstractSyntax, this.transferSyntaxes, scuRole, scpRole);
	}

	/**
	 * Return the abstract syntax.
	 * @return the abstract syntax UID
	 */
	public String abstractSyntax() {
		return this.abstractSyntax;
	}

	/**
	 * Return the transfer syntaxes, in order of preference.
	 * @return an unmodifiable, non-empty list of distinct UIDs
	 */
	public List<String> transferSyntaxes() {
		return this.transferSyntaxes;
	}

	/**
	 * Return the proposed SCU role.
	 * @return whether the SCU role is proposed, or {@code null} if no role selection is
	 * proposed for it
	 */
	public Boolean scuRole() {
		return this.scuRole;
	}

	/**
	 * Return the proposed SCP role.
	 * @return whether the SCP role is proposed, or {@code null} if no role selection is
	 * proposed for it
	 */
	public Boolean scpRole() {
		return this.scpRole;
	}

	/**
	 * Return whether this context proposes an SCP/SCU role selection.
	 * @return {@code true} if either role is set
	 */
	public boolean hasRoleSelection() {
		return this.scuRole != null || this.scpRole != null;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof PresentationContext that)) {
			return false;
		}
		return this.abstractSyntax.equals(that.abstractSyntax) && this.transferSyntaxes.equals(that.transferSyntaxes)
				&& Objects.equals(this.scuRole, that.scuRole) && Objects.equals(this.scpRole, that.scpRole);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.abstractSyntax, this.transferSyntaxes, this.scuRole, this.scpRole);
	}

	/**
	 * Return the context as readable lines: the abstract syntax name, then one line per
	 * transfer syntax prefixed with {@code =}, then the roles if a role selection is
	 * proposed. Names come from the UID registry; unknown UIDs print as the UID.
	 * @return the description, lines separated by {@code \n}, without a trailing newline
	 */
	@Override
	public String toString() {
		List<String> lines = new ArrayList<>();
		lines.add("Abstract Syntax: " + UidDictionary.nameOf(this.abstractSyntax));
		lines.add("Transfer Syntax(es):");
		for (String transferSyntax : this.transferSyntaxes) {
			lines.add("=" + UidDictionary.nameOf(transferSyntax));
		}
		if (hasRoleSelection()) {
			lines.add("SCU Role: " + roleText(this.scuRole));
			lines.add("SCP Role: " + roleText(this.scpRole));
		}
		return String.join("\n", lines);
	}

	private static String roleText(Boolean role) {
		return (role != null) ? role.toString() : "not proposed";
	}

}
