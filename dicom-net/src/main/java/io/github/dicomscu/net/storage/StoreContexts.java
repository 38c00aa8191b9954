package io.github.dicomscu.net.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.dicomscu.data.TransferSyntax;
import io.github.dicomscu.net.association.Association;
import io.github.dicomscu.net.association.NegotiatedContext;
import io.github.dicomscu.net.association.NoAcceptedContextException;
import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.context.RequestedContexts;
import io.github.dicomscu.net.context.TooManyPresentationContextsException;
import io.github.dicomscu.net.pdu.PresentationContextResult;

/**
 * The presentation contexts for sending a set of instances, and the choice among the
 * accepted ones for each instance.
 * <p>
 * The contexts are derived from the instances as DCMTK's {@code storescu} does: for each
 * SOP class, in the order it first appears, one context per compressed transfer syntax of
 * its instances holding just that syntax, and, if any of its instances is uncompressed,
 * one context offering their uncompressed syntaxes (in order of appearance) followed by
 * Explicit VR Little Endian and Implicit VR Little Endian. A compressed instance thus
 * goes through when the peer accepts its syntax, and an uncompressed one whenever the
 * peer accepts the SOP class.
 */
public final class StoreContexts {

	/** Uncompressed transfer syntaxes to convert to, in order of preference. */
	private static final List<TransferSyntax> CONVERSION_ORDER = List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
			TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
			TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

	private StoreContexts() {
	}

	/**
	 * Return the presentation contexts to propose for sending the instances.
	 * @param instances the instances
	 * @return the contexts, in the order described on the class
	 * @throws TooManyPresentationContextsException if the instances need more contexts
	 * than one association can propose
	 */
	public static List<PresentationContext> forInstances(Collection<? extends StoreInstance> instances) {
		Map<String, Map<String, Set<String>>> bySopClass = new LinkedHashMap<>();
		for (StoreInstance instance : instances) {
			Map<String, Set<String>> contexts = bySopClass.computeIfAbsent(instance.sopClassUid(),
					(sopClass) -> new LinkedHashMap<>());
			String key = instance.isUncompressed() ? "" : instance.transferSyntax().uid();
			contexts.computeIfAbsent(key, (ignored) -> new LinkedHashSet<>()).add(instance.transferSyntax().uid());
		}
		List<PresentationContext> contexts = new ArrayList<>();
		bySopClass.forEach((sopClass, transferSyntaxes) -> transferSyntaxes.forEach((key, uids) -> {
			List<String> offered = new ArrayList<>(uids);
			if (key.isEmpty()) {
				offered.add(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
				offered.add(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
			}
			contexts.add(PresentationContext.of(sopClass, offered));
		}));
		RequestedContexts.checkCount(contexts,
				bySopClass.size() + " SOP classes of " + instances.size() + " instances to store");
		return contexts;
	}

	/**
	 * Split instances, in order, into consecutive batches whose derived contexts each fit
	 * one association ({@value RequestedContexts#MAXIMUM} contexts), for sending more
	 * kinds of instances than one association can carry.
	 * @param <T> the instance type
	 * @param instances the instances
	 * @return the batches, in order; one batch if all fit
	 */
	public static <T extends StoreInstance> List<List<T>> batches(List<T> instances) {
		List<List<T>> batches = new ArrayList<>();
		List<T> batch = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (T instance : instances) {
			String key = instance.sopClassUid() + "|"
					+ (instance.isUncompressed() ? "" : instance.transferSyntax().uid());
			if (!keys.contains(key) && keys.size() == RequestedContexts.MAXIMUM) {
				batches.add(batch);
				batch = new ArrayList<>();
				keys.clear();
			}
			keys.add(key);
			batch.add(instance);
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return batches;
	}

	/**
	 * Choose the accepted context to send an instance on: one of its SOP class accepted
	 * with the instance's own transfer syntax, else, for an uncompressed instance, one
	 * accepted with another uncompressed syntax (Explicit VR Little Endian preferred,
	 * then Implicit VR Little Endian, Explicit VR Big Endian, Deflated Explicit VR Little
	 * Endian), to which it is converted.
	 * @param association the association
	 * @param instance the instance
	 * @return the context
	 * @throws NoAcceptedContextException if no context of the instance's SOP class was
	 * accepted (it was not proposed, or the peer does not support the SOP class)
	 * @throws TransferSyntaxNotAcceptedException if contexts of the SOP class were
	 * accepted, but none with a transfer syntax the instance can be sent in, or all of
	 * them were rejected because the peer supports none of their transfer syntaxes
	 */
	public static NegotiatedContext select(Association association, StoreInstance instance)
			throws NoAcceptedContextException, TransferSyntaxNotAcceptedException {
		List<NegotiatedContext> proposed = association.getNegotiatedContexts()
			.stream()
			.filter((context) -> context.abstractSyntax().equals(instance.sopClassUid()))
			.toList();
		List<NegotiatedContext> accepted = proposed.stream().filter(NegotiatedContext::isAccepted).toList();
		if (accepted.isEmpty()) {
			boolean onlyTransferSyntaxesRejected = !proposed.isEmpty() && proposed.stream()
				.allMatch((context) -> context.result() == PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED);
			if (onlyTransferSyntaxesRejected) {
				throw new TransferSyntaxNotAcceptedException(association.getPeer(), instance, List.of());
			}
			association.requireAcceptedContext(instance.sopClassUid());
		}
		for (NegotiatedContext context : accepted) {
			if (context.transferSyntax().equals(instance.transferSyntax().uid())) {
				return context;
			}
		}
		if (instance.isUncompressed()) {
			for (TransferSyntax target : CONVERSION_ORDER) {
				for (NegotiatedContext context : accepted) {
					if (context.transferSyntax().equals(target.uid())) {
						return context;
					}
				}
			}
		}
		throw new TransferSyntaxNotAcceptedException(association.getPeer(), instance,
				accepted.stream().map(NegotiatedContext::transferSyntax).distinct().toList());
	}

}
