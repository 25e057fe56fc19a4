/** The config `orderform init` writes: it validates as written, with every resource kind as a commented example. */
import { MAXAR_PASSWORD_ENV, MAXAR_USERNAME_ENV } from '../../engine/providers/maxar-ard/settings.js';
import { ONEATLAS_API_KEY_ENV } from '../../engine/providers/oneatlas/settings.js';

export function starterConfig(schemaRef: string, maxarAccount?: string): string {
  // OneAtlas contracts price in EUR (discover adds them); Maxar ARD in USD.
  const ceilings = (amount: number) => (maxarAccount ? `{ EUR: ${amount}, USD: ${amount} }` : `{ EUR: ${amount} }`);
  const maxar = maxarAccount
    ? `  maxar:\n    accountId: "${maxarAccount}"\n    credentials:\n      usernameEnv: ${MAXAR_USERNAME_ENV}\n      passwordEnv: ${MAXAR_PASSWORD_ENV}\n`
    : `# With a Maxar ARD account, replace {} above with (or run \`orderform init --maxar-account ID\`;\n# accountId may be left out: it is then the account of the login):\n#   maxar:\n#     accountId: "557471230760500000"\n#     credentials:\n#       usernameEnv: ${MAXAR_USERNAME_ENV}\n#       passwordEnv: ${MAXAR_PASSWORD_ENV}\n`;
  return `# yaml-language-server: $schema=${schemaRef}
# orderform config: what you want to buy, as code. \`orderform plan\` shows what would change and
# cost; \`orderform apply\` does it. API keys are read from the environment variables named below.

# Vendor accounts. \`orderform discover --write <this file>\` fills in your OneAtlas contracts and
# their delivery workspaces, reading the key from ${ONEATLAS_API_KEY_ENV}.
providers:
${maxarAccount ? maxar : `  {}\n${maxar}`}
# Spending ceilings (currency code → amount), checked by plan and again before each purchase. A
# spend in a currency without a ceiling here is refused: add one per currency you buy in.
budget:
  total: ${ceilings(5000)}
  perOrder: ${ceilings(2500)}

# Above this spend in one apply, apply needs --allow-large-spend (plan says so beforehand).
safety:
  maxSpendWithoutFlag: ${ceilings(1000)}

# Orders are immutable once placed: to order again, use a new key.
# orders:
#   # A Pléiades archive order (legacy contract), priced then ordered.
#   # \`orderform search --aoi site.geojson --pick 1 --output yaml\` writes one for you.
#   paris-2024-q3:
#     vendor: oneatlas
#     contract: my-legacy-contract      # a name under providers.oneatlas.contracts
#     productType: PleiadesArchiveMono
#     aois:
#       paris-center:
#         geometry: { file: aois/paris.geojson }
#     items:
#       - catalogItemId: 5eed0000-0000-4000-8000-000000000001
#     production:
#       processingLevel: ortho
#       spectralProcessing: pansharpened
#       imageFormat: dimap_geotiff
#       pixelCoding: 8bits
#       radiometricProcessing: display
#       dem: { paris-center: best_available }   # ortho needs a DEM and a projection per AOI
#       projection: { paris-center: "2154" }
#     primaryMarket: CARTO              # see \`orderform discover\` for markets and countries
#     endUser: { name: Your organisation, country: FR }
#     maxPrice: { amount: 8000, currency: EUR }
#
#   # A Pléiades Neo order (neo contract): apply requests a quotation, decided under quotations.
#   rotterdam-neo:
#     vendor: oneatlas
#     contract: my-neo-contract
#     productType: PleiadesNeoArchiveMono
#     aois:
#       port:
#         geometry: { file: aois/rotterdam.geojson }
#     items:
#       - catalogItemId: 5eed0000-0000-4000-8000-000000000007
#     production:
#       processingLevel: primary
#       spectralProcessing: full_bundle
#       imageFormat: dimap_jpeg2000_regular
#       pixelCoding: 12bits
#       radiometricProcessing: reflectance
#     primaryMarket: CARTO
#     endUser: { name: Your organisation, country: NL }
#
#   # A Maxar ARD order: acquisitions cut over one AOI, delivered to your bucket.
#   denver-ard-2024:
#     vendor: maxar
#     acquisitions: [10300100ARDFRESH1]
#     aoi: { file: aois/denver.geojson }
#     bundleAdjust: true
#     output:
#       s3: { bucket: my-bucket, prefix: ard/denver }
#     maxPrice: { amount: 15000, currency: USD }

# Decisions on Pléiades Neo quotations (a Neo order is quoted first). One-way once applied.
# quotations:
#   rotterdam-neo-decision:
#     order: rotterdam-neo              # a Pléiades Neo order above
#     decision: accept
#     maxPrice: { amount: 2000, currency: EUR }
#     refuseIfExpired: true

# OneAtlas AOI alerts: renaming updates in place, any other change replaces the alert.
# alerts:
#   paris-low-cloud:
#     name: Paris low cloud
#     context: my-legacy-contract
#     constellations: [PHR, PNEO]
#     productTypes: [bundle, mono]
#     cloudCover: [0, 20]
#     incidenceAngle: [0, 25]
#     aoi: { file: aois/paris.geojson }
`;
}
