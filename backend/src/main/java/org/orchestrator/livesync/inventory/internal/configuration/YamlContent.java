package org.orchestrator.livesync.inventory.internal.configuration;

import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks configuration content: well-formed YAML (every document of a multi-document
 * file), read safely (no object construction, bounded aliases against "billion laughs"),
 * and for a playbook the shape Ansible expects, a list of plays.
 */
final class YamlContent {

	private YamlContent() {
	}

	/** Why the content is not acceptable for {@code kind}, or null when it is. */
	static String problem(String content, String kind) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(50);
		options.setCodePointLimit(Configuration.MAX_CONTENT + 1);
		Yaml yaml = new Yaml(new SafeConstructor(options));
		try {
			int index = 0;
			for (Object document : yaml.loadAll(content)) {
				index++;
				if ("playbook".equals(kind) && document != null && !isListOfMappings(document)) {
					return "a playbook must be a YAML list of plays (document " + index + " is not)";
				}
			}
			return null;
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			String where = (mark != null) ? " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)
					: "";
			return "is not valid YAML" + where + ": " + ex.getProblem();
		}
		catch (YAMLException ex) {
			return "is not valid YAML: " + ex.getMessage().lines().findFirst().orElse("unreadable");
		}
	}

	private static boolean isListOfMappings(Object document) {
		return document instanceof List<?> list && list.stream().allMatch((play) -> play instanceof Map);
	}

}
