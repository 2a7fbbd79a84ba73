/**
 * What a civil-status document issued abroad needs before a Belgian commune accepts it: nothing
 * (exempt), an apostille, or a full legalisation, and whether it needs a sworn translation. The rule
 * comes from seed 003 (CeRAIC/CIMB fiches, "Légalisation et traduction"); the country lists are kept
 * here as data because the catalog schema has no place for them yet. They are an indication the
 * dashboard shows with "check with your commune", never a legal opinion.
 *
 * Provenance:
 * - seeds/003_ee23f2e5ba3cb84e.txt: apostille for countries party to the Hague Convention of 5 October
 *   1961; exemption for countries party to the Brussels Convention of 25 May 1987 ("la plupart de
 *   l'Europe des 27"); legalisation by the issuing country's foreign ministry and the Belgian embassy
 *   otherwise; sworn translation into French, Dutch or German when the document is in another language.
 * - Regulation (EU) 2016/1191 (in force 16 February 2019) exempts public civil-status documents
 *   (birth, marriage, …) exchanged between EU member states from legalisation and apostille, which is
 *   why every EU member state is listed as exempt.
 * - Hague parties: the HCCH status table of the Apostille Convention
 *   (https://www.hcch.net/en/instruments/conventions/status-table/?cid=41), read 2026-11-23. Liberia is
 *   left out: Belgium objected to its accession, so Liberian documents are still legalised.
 */

/** EU member states (exempt: Brussels 1987 convention and Regulation (EU) 2016/1191). */
export const EXEMPT = new Set([
  'AT', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]);

/** Parties to the Hague Apostille Convention (1961) outside the EU, where the convention applies with Belgium. */
export const APOSTILLE = new Set([
  'AD', 'AG', 'AL', 'AM', 'AR', 'AU', 'AZ', 'BA', 'BB', 'BH', 'BI', 'BN', 'BO', 'BR', 'BS', 'BW', 'BY', 'BZ',
  'CA', 'CH', 'CK', 'CL', 'CN', 'CO', 'CR', 'CV', 'DM', 'DO', 'EC', 'FJ', 'GB', 'GD', 'GE', 'GT', 'GY', 'HN',
  'ID', 'IL', 'IN', 'IS', 'JM', 'JP', 'KG', 'KN', 'KR', 'KZ', 'LC', 'LI', 'LS', 'MA', 'MC', 'MD', 'ME', 'MH',
  'MK', 'MN', 'MU', 'MW', 'MX', 'NA', 'NI', 'NO', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PH', 'PK', 'PW', 'PY', 'RS',
  'RU', 'RW', 'SA', 'SC', 'SG', 'SM', 'SN', 'SR', 'ST', 'SV', 'SZ', 'TJ', 'TN', 'TO', 'TR', 'TT', 'UA', 'US',
  'UY', 'UZ', 'VC', 'VE', 'VU', 'WS', 'ZA',
]);

/**
 * Countries where French, Dutch or German is an official language, so a civil-status document may
 * already be in a language Belgian communes accept: a translation is needed only when it is not.
 */
export const MAY_BE_IN_NATIONAL_LANGUAGE = new Set([
  'AT', 'AW', 'BF', 'BI', 'BJ', 'CA', 'CD', 'CF', 'CG', 'CH', 'CI', 'CM', 'CW', 'DE', 'DJ', 'FR', 'GA', 'GN',
  'HT', 'KM', 'LI', 'LU', 'MC', 'MG', 'ML', 'NE', 'NL', 'RW', 'SC', 'SN', 'SR', 'SX', 'TD', 'TG', 'VU',
]);

/** Every ISO 3166-1 alpha-2 code, for the country-of-issue list (names come from Intl.DisplayNames). */
export const COUNTRY_CODES = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB',
  'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY',
  'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX',
  'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK',
  'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS',
  'GT', 'GU', 'GW', 'GY', 'HK', 'HM', 'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR',
  'IS', 'IT', 'JE', 'JM', 'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA',
  'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK',
  'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NC', 'NE',
  'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM',
  'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG',
  'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF',
  'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY',
  'UZ', 'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW',
] as const;

export type Authentication = 'none' | 'exempt' | 'apostille' | 'legalisation';
export type Translation = 'none' | 'if-not-fr-nl-de' | 'sworn';

export interface DocumentRules {
  country: string;
  /** 'none' for Belgian documents; otherwise what makes a foreign document acceptable. */
  authentication: Authentication;
  translation: Translation;
}

export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && (COUNTRY_CODES as readonly string[]).includes(value);
}

/** The rules for civil-status documents issued in `country` (ISO 3166-1 alpha-2). */
export function documentRules(country: string): DocumentRules {
  const code = country.toUpperCase();
  if (!isCountryCode(code)) throw new Error(`unknown country code "${country}"`);
  if (code === 'BE') return { country: code, authentication: 'none', translation: 'none' };
  const authentication: Authentication = EXEMPT.has(code) ? 'exempt' : APOSTILLE.has(code) ? 'apostille' : 'legalisation';
  const translation: Translation = MAY_BE_IN_NATIONAL_LANGUAGE.has(code) ? 'if-not-fr-nl-de' : 'sworn';
  return { country: code, authentication, translation };
}

/** The country's name in the UI language, from the browser's own data (no list to maintain). */
export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
