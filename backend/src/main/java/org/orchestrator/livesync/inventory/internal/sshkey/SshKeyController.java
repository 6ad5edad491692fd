package org.orchestrator.livesync.inventory.internal.sshkey;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.orchestrator.livesync.inventory.internal.ItemController;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** SSH keys, addressed by name; private keys go in and never come out. */
@Tag(name = "SSH keys", description = "Key pairs; private keys are write-only")
@RestController
@RequestMapping("/api/v1/ssh-keys")
class SshKeyController extends ItemController<SshKey, SshKeyView> {

	SshKeyController(SshKeyService keys) {
		super(keys);
	}

}
