import { parseEncryptionKey } from "../../src/domain/encryption-key.js";
import { createFieldCrypto, useFieldCrypto } from "../../src/services/field-crypto.js";
import { TEST_ENCRYPTION_KEY } from "./bot.js";

// Every test worker encrypts contact details with the same test key, as main.ts does at start.
useFieldCrypto(createFieldCrypto(parseEncryptionKey(TEST_ENCRYPTION_KEY)));
