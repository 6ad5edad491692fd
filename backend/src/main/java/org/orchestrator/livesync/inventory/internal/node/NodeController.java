package org.orchestrator.livesync.inventory.internal.node;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.orchestrator.livesync.inventory.internal.ItemController;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Nodes, addressed by host name. */
@Tag(name = "Nodes", description = "Machines the orchestrator manages, by host name")
@RestController
@RequestMapping("/api/v1/nodes")
class NodeController extends ItemController<Node, NodeView> {

	NodeController(NodeService nodes) {
		super(nodes);
	}

}
