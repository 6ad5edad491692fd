package org.orchestrator.livesync.inventory.internal.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.orchestrator.livesync.inventory.ItemKind;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * An import item is an item of its kind plus a {@code type} naming the kind: one schema
 * per kind (its fields and {@code type}), and their union told apart by {@code type}. The
 * Java records cannot say this: the importer reads each item as a tree, to report every
 * bad line by number.
 */
@Component
final class ImportSchemas implements OpenApiCustomizer, Ordered {

	static final String ITEM = "ImportItem";

	static final String ITEM_REF = "#/components/schemas/" + ITEM;

	/** Before the shared contract rules, so they see these schemas. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public void customise(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		Discriminator discriminator = new Discriminator().propertyName("type");
		List<Schema> members = new ArrayList<>();
		for (ItemKind kind : ItemKind.values()) {
			String itemName = kind.itemClass().getSimpleName();
			Schema item = schemas.get(itemName);
			if (item == null) {
				continue;
			}
			Schema type = ofType("string").description("the item's kind");
			type.setEnum(new ArrayList<>(List.of(kind.type())));
			Map<String, Schema> properties = new LinkedHashMap<>();
			properties.put("type", type);
			properties.putAll(item.getProperties());
			List<String> required = new ArrayList<>(List.of("type"));
			if (item.getRequired() != null) {
				required.addAll(item.getRequired());
			}
			String name = "Import" + itemName;
			schemas.put(name,
					ofType("object").description("a " + kind.type().replace('_', ' ') + " to import")
						.properties(properties)
						.required(required)
						.additionalProperties(false));
			discriminator.mapping(kind.type(), "#/components/schemas/" + name);
			members.add(new Schema<>().$ref("#/components/schemas/" + name));
		}
		schemas.put(ITEM,
				new Schema<>().description("one item of any kind, named by its type")
					.oneOf(members)
					.discriminator(discriminator));
	}

	private static Schema<?> ofType(String type) {
		Schema<?> schema = new Schema<>();
		schema.addType(type);
		return schema;
	}

}
