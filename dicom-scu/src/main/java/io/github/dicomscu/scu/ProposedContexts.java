package io.github.dicomscu.scu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.dicomscu.net.context.PresentationContext;
import io.github.dicomscu.net.query.QueryRetrieveModel;
import io.github.dicomscu.net.storage.StoreContexts;
import io.github.dicomscu.net.storage.StoreInstance;

/**
 * The presentation contexts each operation of a template proposes to a remote, as the
 * {@link AeTemplate} class documentation lists them: the configured ones (the remote's
 * own, else the global ones) or those the operation needs. Immutable.
 */
final class ProposedContexts {

	private final List<PresentationContext> global;

	private final Map<String, List<PresentationContext>> own;

	private final List<String> transferSyntaxes;

	private final List<PresentationContext> retrieveStorage;

	/**
	 * Create the contexts of a template.
	 * @param global the contexts proposed to remotes without their own
	 * @param own the contexts of the remotes that have their own, by remote name
	 * @param transferSyntaxes the transfer syntaxes of the FIND, MOVE and GET contexts
	 * the template proposes on its own
	 * @param retrieveStorage the contexts a C-GET proposes after the GET context
	 */
	ProposedContexts(List<PresentationContext> global, Map<String, List<PresentationContext>> own,
			List<String> transferSyntaxes, List<PresentationContext> retrieveStorage) {
		this.global = global;
		this.own = own;
		this.transferSyntaxes = transferSyntaxes;
		this.retrieveStorage = retrieveStorage;
	}

	List<PresentationContext> global() {
		return this.global;
	}

	List<String> transferSyntaxes() {
		return this.transferSyntaxes;
	}

	List<PresentationContext> retrieveStorage() {
		return this.retrieveStorage;
	}

	boolean hasOwn(String remote) {
		return this.own.containsKey(remote);
	}

	/**
	 * Return the contexts of echo and execute: the remote's own, else the global ones.
	 */
	List<PresentationContext> requested(String remote) {
		return this.own.getOrDefault(remote, this.global);
	}

	/**
	 * Return the contexts of a C-STORE: the remote's own, else those derived from the
	 * instances.
	 */
	List<PresentationContext> store(String remote, List<StoreInstance> instances) {
		List<PresentationContext> own = this.own.get(remote);
		return (own != null) ? own : StoreContexts.forInstances(instances);
	}

	/**
	 * Return the contexts of a C-FIND: the requested ones if they include the FIND SOP
	 * class, else that context alone.
	 */
	List<PresentationContext> find(String remote, QueryRetrieveModel model) {
		String sopClassUid = model.findSopClassUid();
		List<PresentationContext> requested = requested(remote);
		return includes(requested, sopClassUid) ? requested : List.of(added(sopClassUid));
	}

	/**
	 * Return the contexts of a C-MOVE: the remote's own if they include the MOVE SOP
	 * class, else that context alone.
	 */
	List<PresentationContext> move(String remote, QueryRetrieveModel model) {
		String sopClassUid = model.moveSopClassUid();
		List<PresentationContext> own = this.own.get(remote);
		return (own != null && includes(own, sopClassUid)) ? own : List.of(added(sopClassUid));
	}

	/**
	 * Return the contexts of a C-GET: the remote's own if they include the GET SOP class,
	 * else that context followed by the retrieve storage contexts.
	 */
	List<PresentationContext> get(String remote, QueryRetrieveModel model) {
		String sopClassUid = model.getSopClassUid();
		List<PresentationContext> own = this.own.get(remote);
		if (own != null && includes(own, sopClassUid)) {
			return own;
		}
		List<PresentationContext> get = new ArrayList<>();
		get.add(added(sopClassUid));
		get.addAll(this.retrieveStorage);
		return get;
	}

	private PresentationContext added(String sopClassUid) {
		return PresentationContext.of(sopClassUid, this.transferSyntaxes);
	}

	private static boolean includes(List<PresentationContext> contexts, String abstractSyntax) {
		return contexts.stream().anyMatch((context) -> context.abstractSyntax().equals(abstractSyntax));
	}

}
