/**
 * Versions of texts whose acceptance we record. Bump one whenever its wording in locales/*.ftl
 * changes in substance, so a record always says which wording the customer saw.
 */
export const PRIVACY_NOTICE_VERSION = "2026-11-27";
export const MARKETING_CONSENT_WORDING_VERSION = "2026-11-26";
