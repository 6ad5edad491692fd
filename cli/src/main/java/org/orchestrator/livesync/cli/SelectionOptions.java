package org.orchestrator.livesync.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orchestrator.livesync.client.model.KindSelection;
import org.orchestrator.livesync.client.model.SyncSelection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What a sync moves, the same for {@code sync} and a schedule's runs: {@code --all}, or
 * items named by {@code --select kind:key}, as the API's selection.
 */
final class SelectionOptions {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	@Option(names = "--select", paramLabel = "KIND:KEY",
			description = "an item to sync, e.g. node:node-01, cluster:production, ssh_key:deploy; repeatable")
	List<String> select = new ArrayList<>();

	@Option(names = "--all",
			description = "sync everything that differs (conflicts are skipped unless --prefer names a side)")
	boolean all;

	/** The selection, which must be given. */
	SyncSelection required() {
		SyncSelection selection = given();
		if (selection == null) {
			throw new ParameterException(this.spec.commandLine(),
					"choose what to sync: --all, or one or more --select kind:key");
		}
		return selection;
	}

	/** The selection given, or null when neither --all nor --select is. */
	SyncSelection given() {
		if (this.all && !this.select.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(),
					"choose what to sync: --all, or one or more --select kind:key");
		}
		if (this.all) {
			return new SyncSelection("all");
		}
		if (this.select.isEmpty()) {
			return null;
		}
		Map<String, List<String>> keys = new LinkedHashMap<>();
		for (String item : this.select) {
			ItemKinds.Named named = ItemKinds.parse(item);
			if (named == null) {
				throw new ParameterException(this.spec.commandLine(),
						"--select " + item + ": expected kind:key with kind node, cluster, ssh_key or configuration");
			}
			keys.computeIfAbsent(named.section(), (section) -> new ArrayList<>()).add(named.key());
		}
		// Only the kinds named: the generated setters would send a kind given null as
		// null.
		KindSelection kinds = new KindSelection();
		keys.forEach((kind, named) -> {
			switch (kind) {
				case "nodes" -> kinds.nodes(named);
				case "clusters" -> kinds.clusters(named);
				case "ssh_keys" -> kinds.sshKeys(named);
				default -> kinds.configurations(named);
			}
		});
		return new SyncSelection(kinds);
	}

}
