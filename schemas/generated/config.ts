/* Generated from schemas/orderform.schema.json by `npm run gen:types`. Do not edit by hand. */

/**
 * An order: `vendor: oneatlas` (SPOT, Pléiades, Pléiades Neo archive) or `vendor: maxar` (Maxar ARD).
 *
 * This interface was referenced by `undefined`'s JSON-Schema definition
 * via the `patternProperty` "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$".
 */
export type Order = OneAtlasOrder | MaxarOrder;
/**
 * An AOI: an inline GeoJSON Polygon, a Feature with a Polygon geometry, a FeatureCollection of exactly one such Feature, or `{file: path}` to a .geojson file (relative to this config file) holding one of those. One outer ring, closed, 4 to 1000 positions, longitude/latitude in WGS 84.
 */
export type AoiGeometry = AoiFile | GeoJsonPolygon | GeoJsonFeature | GeoJsonFeatureCollection;

/**
 * An orderform configuration file: providers, budget, safety thresholds, state location and the resources to manage (orders, quotation decisions, alerts). Several files (or a folder of them) may be loaded together; each block may appear in one file only, resource keys are unique per block across files.
 */
export interface OrderformConfig {
  providers?: Providers;
  budget?: Budget;
  safety?: Safety;
  state?: State;
  /**
   * Orders to place, by a stable key of your choice (its address is `orders.<key>`). Each order says its vendor with `vendor: oneatlas | maxar`. Orders are immutable once placed: change the key to order again.
   */
  orders?: {
    [k: string]: Order;
  };
  /**
   * Decisions on Pléiades Neo quotations (accept or refuse), by a stable key (address `quotations.<key>`). One-way once applied.
   */
  quotations?: {
    [k: string]: QuotationDecision;
  };
  /**
   * OneAtlas AOI alerts, by a stable key (address `alerts.<key>`). Renaming updates in place, any other change replaces the alert, removing it deletes it.
   */
  alerts?: {
    [k: string]: Alert;
  };
  /**
   * Renamed keys: each entry moves what state holds under `from` to `to` (e.g. `- { from: orders.a, to: orders.b }`), so a rename never orders again. Nothing remote is touched. Same as `orderform state mv FROM TO`, but reviewed in git; keep the entry until every state (every CI runner, every copy) has applied it.
   */
  moved?: Moved[];
}
/**
 * Vendor accounts. Read only: orderform never changes a contract or an account.
 */
export interface Providers {
  oneatlas?: OneAtlasProvider;
  maxar?: MaxarProvider;
}
/**
 * Airbus OneAtlas (Pay-Per-Order archive, Pléiades Neo quotations, AOI alerts).
 */
export interface OneAtlasProvider {
  credentials?: Credentials;
  /**
   * Base URLs. Each defaults to its environment variable (`ORDERFORM_ONEATLAS_<AUTH|ORDER|SEARCH|DATA>_URL`), then to the real vendor host.
   */
  endpoints?: {
    /**
     * Token host (default https://authenticate.foundation.api.oneatlas.airbus.com).
     */
    auth?: string;
    /**
     * Order host: contracts, prices, quotations, orders (default https://order.api.oneatlas.airbus.com).
     */
    order?: string;
    /**
     * Catalogue search host (default https://search.foundation.api.oneatlas.airbus.com).
     */
    search?: string;
    /**
     * Data host: /me and alerts (default https://data.api.oneatlas.airbus.com).
     */
    data?: string;
  };
  /**
   * Contracts by a name of your choice; orders, quotation decisions and alerts refer to them by that name.
   */
  contracts: {
    [k: string]: OneAtlasContract;
  };
}
/**
 * Where the OneAtlas API key is read from: the name of an environment variable (default `ORDERFORM_ONEATLAS_API_KEY`). Secrets are never written in the config.
 */
export interface Credentials {
  /**
   * Name of the environment variable holding the API key.
   */
  apiKeyEnv?: string;
}
/**
 * A OneAtlas contract. SPOT and Pléiades are ordered through `legacy` contracts, Pléiades Neo through `neo` ones.
 *
 * This interface was referenced by `undefined`'s JSON-Schema definition
 * via the `patternProperty` "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$".
 */
export interface OneAtlasContract {
  /**
   * The CIS contract id, e.g. CTR21000411.
   */
  contractId: string;
  /**
   * The contract's backendSource: `legacy` (SPOT, Pléiades) or `neo` (Pléiades Neo).
   */
  backend: 'legacy' | 'neo';
  /**
   * Delivery workspace id; discovered from the vendor when left out.
   */
  workspace?: string;
}
/**
 * Maxar ARD (Analysis-Ready Data), the API at https://ard.maxar.com/api/v1. Logs in with the ARD username (the account's email) and password, read from environment variables.
 */
export interface MaxarProvider {
  /**
   * The ARD account id (digits; quote it in YAML so it stays a string). Optional: when left out, orderform asks Maxar (`GET /auth/self`) which account the login belongs to; `orderform discover` writes it here.
   */
  accountId?: string;
  /**
   * Base URL, without `/api/v1` (default `ORDERFORM_MAXAR_URL`, then https://ard.maxar.com).
   */
  endpoint?: string;
  credentials?: MaxarCredentials;
}
/**
 * Where the Maxar ARD login is read from: the names of two environment variables (defaults `ORDERFORM_MAXAR_USERNAME` and `ORDERFORM_MAXAR_PASSWORD`). Secrets are never written in the config.
 */
export interface MaxarCredentials {
  /**
   * Name of the environment variable holding the ARD username (the email address of the ARD account).
   */
  usernameEnv?: string;
  /**
   * Name of the environment variable holding the ARD password.
   */
  passwordEnv?: string;
}
/**
 * Spending ceilings, checked by plan and again by apply before any money is spent. total and perVendor count what this config already bought (as its state records it, within budget.period) plus this apply.
 */
export interface Budget {
  /**
   * Ceiling on everything this config spends within budget.period (already bought, as state records it, plus this apply), per currency (ISO 4217 code → amount). A spend in a currency left out, when other currencies are listed, is refused.
   */
  total?: {
    /**
     * Amount in this currency.
     *
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^[A-Z]{3}$".
     */
    [k: string]: number;
  };
  /**
   * Ceiling on any single order or quotation acceptance, per currency (ISO 4217 code → amount). A spend in a currency left out, when other currencies are listed, is refused.
   */
  perOrder?: {
    /**
     * Amount in this currency.
     *
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^[A-Z]{3}$".
     */
    [k: string]: number;
  };
  /**
   * Ceiling on what this config spends at each vendor within budget.period (already bought plus this apply).
   */
  perVendor?: {
    /**
     * OneAtlas spend ceiling, per currency (ISO 4217 code → amount). A currency left out has no ceiling.
     */
    oneatlas?: {
      /**
       * Amount in this currency.
       *
       * This interface was referenced by `undefined`'s JSON-Schema definition
       * via the `patternProperty` "^[A-Z]{3}$".
       */
      [k: string]: number;
    };
    /**
     * Maxar ARD spend ceiling, per currency (ISO 4217 code → amount). A currency left out has no ceiling.
     */
    maxar?: {
      /**
       * Amount in this currency.
       *
       * This interface was referenced by `undefined`'s JSON-Schema definition
       * via the `patternProperty` "^[A-Z]{3}$".
       */
      [k: string]: number;
    };
  };
  /**
   * What total and perVendor count as already spent: everything bought under this config (all-time, the default), or only what was bought in the current calendar year or month (UTC).
   */
  period?: 'all-time' | 'calendar-year' | 'calendar-month';
}
/**
 * Thresholds above which apply needs an explicit flag, and the approvals reviewed in this config that stand in for the flag.
 */
export interface Safety {
  /**
   * Share (0–1) of managed alerts that may be replaced or deleted in one apply without --allow-destructive (default 0.25).
   */
  maxDestructiveShare?: number;
  /**
   * Spend above which apply needs --allow-large-spend (default: no threshold), per currency (ISO 4217 code → amount). A currency left out has no ceiling.
   */
  maxSpendWithoutFlag?: {
    /**
     * Amount in this currency.
     *
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^[A-Z]{3}$".
     */
    [k: string]: number;
  };
  /**
   * Relative price rise tolerated between plan and apply, e.g. 0.02 for 2 % (default 0: any rise refuses the saved plan).
   */
  priceTolerance?: number;
  approvals?: Approvals;
}
/**
 * Approvals reviewed with the config (in a pull request, like any change) that stand in for --allow-large-spend and --allow-destructive. Each is bound to what was reviewed: an amount a spend may reach, or the exact changes that may destroy; a plan beyond it still needs the flag. The plan shows which approval it uses. Remove an approval once applied.
 */
export interface Approvals {
  /**
   * Approves a spend above safety.maxSpendWithoutFlag up to these amounts: a plan (and an apply) spending at most `upTo` in a currency needs no --allow-large-spend; above it, it does.
   */
  largeSpend?: {
    /**
     * The most one apply may spend under this approval, per currency (ISO 4217 code → amount).
     */
    upTo: {
      /**
       * Amount in this currency.
       *
       * This interface was referenced by `undefined`'s JSON-Schema definition
       * via the `patternProperty` "^[A-Z]{3}$".
       */
      [k: string]: number;
    };
    /**
     * Why, and who approved it: shown on the plan.
     */
    reason: string;
  };
  /**
   * Approves replacing or deleting exactly these resources beyond safety.maxDestructiveShare: a plan that replaces or deletes any other still needs --allow-destructive.
   */
  destructive?: {
    /**
     * Addresses (e.g. `alerts.paris-north`) whose replace or delete is approved.
     *
     * @minItems 1
     */
    changes: [string, ...string[]];
    /**
     * Why, and who approved it: shown on the plan.
     */
    reason: string;
  };
}
/**
 * Where orderform keeps its state: a JSON file (default `orderform.state.json` beside the first config file) or a PostgreSQL database. Give exactly one of `file` or `postgres`.
 */
export interface State {
  /**
   * State file path, relative to this config file.
   */
  file?: string;
  /**
   * PostgreSQL state; the connection URL (which carries a password) is read from an environment variable.
   */
  postgres?: {
    /**
     * Name of the environment variable holding the postgres:// URL.
     */
    urlEnv: string;
  };
}
/**
 * A OneAtlas archive order. Legacy (SPOT, Pléiades) orders are priced then placed; Pléiades Neo orders are quoted, then accepted or refused (see `quotations`).
 */
export interface OneAtlasOrder {
  /**
   * The vendor: `oneatlas` for this kind of order.
   */
  vendor: 'oneatlas';
  /**
   * Name of a contract in `providers.oneatlas.contracts`.
   */
  contract: string;
  /**
   * The productTypeId. Its mission (SPOT, Pléiades, Pléiades Neo) must match the contract backend; stereo and tristereo use the dedicated ids (PleiadesArchiveStereo, SPOTArchive1.5Tristereo, PleiadesNeoArchiveMulti, …).
   */
  productType: string;
  /**
   * Acquisition mode. Derived from the product type when left out; required with PleiadesNeoArchiveMulti, which serves stereo and tristereo items alike.
   */
  mode?: 'mono' | 'stereo' | 'tristereo';
  /**
   * Areas of interest by name, in order: the first gets aoiId 1, the next 2, and so on.
   */
  aois: {
    [k: string]: OneAtlasAoi;
  };
  /**
   * Catalogue images to order. A stereo or tristereo catalogue item carries the whole pair or triplet (the vendor charges the set): stereo and tristereo orders take exactly one item per AOI.
   *
   * @minItems 1
   */
  items: [OneAtlasItem, ...OneAtlasItem[]];
  production?: Production;
  /**
   * Delivery type, one of the contract's (`orderform discover` lists them; plan checks it): `network` (FTP + My Data, the default) or `MEDIA`.
   */
  delivery?: string;
  /**
   * The primary market, required for ordering: one of the contract's markets (`orderform discover` lists them; plan checks it), e.g. CARTO, AGRI, ENV.
   */
  primaryMarket?: string;
  /**
   * The secondary market: one the contract lists under the primary market (plan checks it).
   */
  secondaryMarket?: string;
  /**
   * The end user of the imagery, required for ordering.
   */
  endUser?: {
    /**
     * End user name.
     */
    name: string;
    /**
     * End user country, ISO 3166 alpha-2 (e.g. FR); plan checks it against the vendor's country list.
     */
    country: string;
    /**
     * End-user label, one of the vendor's (`orderform discover` lists them; plan checks it; sent as `endUsers[].label`).
     */
    label?: string;
  };
  /**
   * SPOT/Pléiades orders: addresses the vendor e-mails about the order (wire `notificationEmails`; the vendor's OpenAPI description requires the field on legacy bodies, so `[]` is sent when left out). Not for Pléiades Neo.
   */
  notificationEmails?: string[];
  /**
   * Overrides the deterministic reference `of-<key>-<digest>` used to find the order again. Keep it unique per order.
   */
  customerReference?: string;
  maxPrice?: Money;
}
/**
 * A named AOI of a OneAtlas order. `geometry` may be left out only with `production.fullStrip: true` (Pléiades Neo).
 *
 * This interface was referenced by `undefined`'s JSON-Schema definition
 * via the `patternProperty` "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$".
 */
export interface OneAtlasAoi {
  geometry?: AoiGeometry;
}
/**
 * A GeoJSON file holding the AOI.
 */
export interface AoiFile {
  /**
   * Path to a .geojson file (at most 1 MiB), relative to the config file and inside its folder or a subfolder; folders elsewhere are allowed only by listing them in the ORDERFORM_AOI_DIRS environment variable.
   */
  file: string;
}
/**
 * A GeoJSON Polygon.
 */
export interface GeoJsonPolygon {
  /**
   * GeoJSON geometry type: Polygon.
   */
  type: 'Polygon';
  /**
   * Linear rings; exactly one (the outer ring, no holes).
   */
  coordinates: number[][][];
  /**
   * Optional GeoJSON bounding box (ignored).
   */
  bbox?: number[];
}
/**
 * A GeoJSON Feature whose geometry is a Polygon.
 */
export interface GeoJsonFeature {
  /**
   * GeoJSON type: Feature.
   */
  type: 'Feature';
  /**
   * Optional feature id (ignored).
   */
  id?: string | number;
  geometry: GeoJsonPolygon;
  /**
   * Free-form feature properties (ignored).
   */
  properties?: {} | null;
  /**
   * Optional GeoJSON bounding box (ignored).
   */
  bbox?: number[];
}
/**
 * A GeoJSON FeatureCollection holding exactly one Polygon Feature.
 */
export interface GeoJsonFeatureCollection {
  /**
   * GeoJSON type: FeatureCollection.
   */
  type: 'FeatureCollection';
  /**
   * Exactly one Feature.
   */
  features: GeoJsonFeature[];
  /**
   * Optional GeoJSON bounding box (ignored).
   */
  bbox?: number[];
}
/**
 * One catalogue item (a mono image, or a whole stereo pair / tristereo triplet) cut over one AOI (or over every AOI when `aoi` is left out).
 */
export interface OneAtlasItem {
  /**
   * The catalogue search result `properties.id`.
   */
  catalogItemId: string;
  /**
   * Name of the AOI (in `aois`) this item covers; left out: every AOI.
   */
  aoi?: string;
}
/**
 * Production options (sent as the wire options processing_level, spectral_processing, …). Left out: the vendor default.
 */
export interface Production {
  /**
   * processing_level.
   */
  processingLevel?: 'primary' | 'projected' | 'ortho';
  /**
   * spectral_processing.
   */
  spectralProcessing?:
    'panchromatic' | 'pansharpened' | 'multispectral' | 'bundle' | 'full_bundle' | 'full_pms' | 'full_ms';
  /**
   * image_format. HD is never available with NITF.
   */
  imageFormat?: 'dimap_jpeg2000_regular' | 'dimap_jpeg2000_optimized' | 'dimap_geotiff' | 'nitf';
  /**
   * pixel_coding (8 bits needs display radiometry; 12 bits basic or reflectance).
   */
  pixelCoding?: '8bits' | '12bits' | '16bits';
  /**
   * radiometric_processing.
   */
  radiometricProcessing?: 'basic' | 'reflectance' | 'display';
  /**
   * DEM per AOI name (wire `dem_<aoiId>`): needed for ortho, allowed (not mandatory) for primary and projected.
   */
  dem?: {
    /**
     * The DEM for this AOI.
     *
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$".
     */
    [k: string]:
      | 'best_available'
      | 'FLAT_DEM_WITH_WD4O_WAT'
      | 'FLAT_DEM_WITH_GTOPO30_WAT'
      | 'FLAT_DEM_WITH_WAT'
      | 'GTOPO30'
      | 'MIXEDDEM'
      | 'PAS-DEM'
      | 'REF3D-DEM'
      | 'SRTMV4'
      | 'WorldDEM4Ortho';
  };
  /**
   * Projection per AOI name (wire `projection_<aoiId>`), e.g. "32631" or "4326": needed for ortho and projected, allowed (not mandatory) for primary.
   */
  projection?: {
    /**
     * A projection code, quoted: a UTM zone ("326NN" north, "327NN" south, e.g. "32631") or one of "4326", "3857", "2154", "4171", "4258", "4230_A", "4230_B".
     *
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$".
     */
    [k: string]: string;
  };
  /**
   * HD processing. Only with primary/bundle/reflectance or ortho/pansharpened/display, never with NITF, never with dehazing false.
   */
  hd?: boolean;
  /**
   * Dehazing (on by default with hd).
   */
  dehazing?: boolean;
  /**
   * Order the whole catalogue strip (Pléiades Neo only); AOI geometries may then be left out.
   */
  fullStrip?: boolean;
  /**
   * licence, one of the values the contract's production options offer (e.g. standard); plan checks it.
   */
  licence?: string;
  /**
   * priority, one of the values the contract's production options offer (e.g. standard, rush); plan checks it.
   */
  priority?: string;
  /**
   * Any other production option the contract offers, by its wire name (e.g. delivery_method: on_the_flow); values are sent as strings and checked at plan against the contract's options.
   */
  options?: {
    /**
     * The option's value.
     *
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` "^[A-Za-z][A-Za-z0-9_]{0,62}$".
     */
    [k: string]: string;
  };
}
/**
 * An amount in a currency. As `maxPrice` of an order: refuse to order above it; of a quotation decision: accept only at or below it.
 */
export interface Money {
  /**
   * The amount.
   */
  amount: number;
  /**
   * ISO 4217 currency code, e.g. EUR or USD.
   */
  currency: string;
}
/**
 * A Maxar ARD order: acquisitions cut over one AOI, delivered to a cloud bucket.
 */
export interface MaxarOrder {
  /**
   * The vendor: `maxar` for this kind of order.
   */
  vendor: 'maxar';
  /**
   * The ARD account id; defaults to `providers.maxar.accountId` and must equal it when given.
   */
  account?: string;
  /**
   * Acquisition (catalogue) ids; each is priced by its age category (fresh, standard, training).
   *
   * @minItems 1
   */
  acquisitions: [string, ...string[]];
  aoi: AoiGeometry;
  /**
   * Bundle-adjust the acquisitions (default false); sent as `settings.bundle_adjust`.
   */
  bundleAdjust?: boolean;
  settings?: MaxarSettings;
  output: MaxarOutput;
  /**
   * Who Maxar tells when the order finishes: an email address or an AWS SNS topic.
   */
  notifications?: MaxarNotification[];
  maxPrice?: Money;
}
/**
 * Processing and output switches (Maxar's defaults apply to those left out; all true except bundle adjustment).
 */
export interface MaxarSettings {
  /**
   * Deliver the cloud mask (`cloud_mask`).
   */
  cloudMask?: boolean;
  /**
   * Deliver the data mask (`data_mask`).
   */
  dataMask?: boolean;
  /**
   * Deliver the healthy vegetation mask (`healthy_vegetation_mask`).
   */
  healthyVegetationMask?: boolean;
  /**
   * Deliver the multispectral analytic image (`ms_analytic`).
   */
  msAnalytic?: boolean;
  /**
   * Deliver the multispectral saturation mask (`ms_saturation_mask`).
   */
  msSaturationMask?: boolean;
  /**
   * Deliver the panchromatic analytic image (`pan_analytic`).
   */
  panAnalytic?: boolean;
  /**
   * Deliver the panchromatic flare mask (`pan_flare_mask`).
   */
  panFlareMask?: boolean;
  /**
   * Deliver the terrain shadow mask (`terrain_shadow_mask`).
   */
  terrainShadowMask?: boolean;
  /**
   * Deliver the visual image (`visual`).
   */
  visual?: boolean;
  /**
   * Deliver the water mask (`water_mask`).
   */
  waterMask?: boolean;
}
/**
 * Delivery location: exactly one of `s3`, `gcs` or `azure`. Google Cloud and Azure need write access: a credentials id registered with Maxar, or the name of an environment variable holding the secret.
 */
export interface MaxarOutput {
  /**
   * Amazon S3 bucket (the bucket policy lets Maxar write, or Maxar assumes `roleArn`).
   */
  s3?: {
    /**
     * Bucket name.
     */
    bucket: string;
    /**
     * Path prefix inside the bucket (default empty).
     */
    prefix?: string;
    /**
     * An IAM role Maxar assumes to write (`role_arn`).
     */
    roleArn?: string;
  };
  /**
   * Google Cloud Storage bucket; give exactly one of `credentialsId` or `serviceCredentialsEnv`.
   */
  gcs?: {
    /**
     * Bucket name.
     */
    bucket: string;
    /**
     * Path prefix inside the bucket (default empty).
     */
    prefix?: string;
    /**
     * Name of write credentials registered with the Maxar ARD credentials service (`credentials_id`).
     */
    credentialsId?: string;
    /**
     * Name of the environment variable holding the Base64-encoded service account JSON (`service_credentials`).
     */
    serviceCredentialsEnv?: string;
  };
  /**
   * Azure Blob Storage container; give exactly one of `credentialsId` or `sasUrlEnv`.
   */
  azure?: {
    /**
     * Container name.
     */
    container: string;
    /**
     * Path prefix inside the container (default empty).
     */
    prefix?: string;
    /**
     * Name of write credentials registered with the Maxar ARD credentials service (`credentials_id`).
     */
    credentialsId?: string;
    /**
     * Name of the environment variable holding a SAS URL with write access (`sas_url`).
     */
    sasUrlEnv?: string;
  };
}
/**
 * `email: <address>` or `sns: <topic ARN>`.
 */
export interface MaxarNotification {
  /**
   * Email address told when the order finishes.
   */
  email?: string;
  /**
   * AWS SNS topic ARN told when the order finishes.
   */
  sns?: string;
}
/**
 * Accept or refuse a Pléiades Neo quotation. Target either an order of this config (`order`) or a quotation placed elsewhere (`quotationId` + `contract`).
 *
 * This interface was referenced by `undefined`'s JSON-Schema definition
 * via the `patternProperty` "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$".
 */
export interface QuotationDecision {
  /**
   * Key of a Pléiades Neo order in `orders`.
   */
  order?: string;
  /**
   * A quotation id (QUO…) not created by this config.
   */
  quotationId?: string;
  /**
   * With `quotationId`: name of the neo contract in `providers.oneatlas.contracts`.
   */
  contract?: string;
  /**
   * Accept (spends money) or refuse.
   */
  decision: 'accept' | 'refuse';
  /**
   * Why you refuse (required with refuse): rejectionReasonId 1 expired, 2 another-provider, 3 budget, 4 proposal-not-answering-needs, 5 licence, 6 modify-request, 7 other.
   */
  reason?:
    'expired' | 'another-provider' | 'budget' | 'proposal-not-answering-needs' | 'licence' | 'modify-request' | 'other';
  maxPrice?: Money;
  /**
   * When the quotation has expired: refuse it with reason `expired` (true) or only report it (false, default).
   */
  refuseIfExpired?: boolean;
}
/**
 * A OneAtlas AOI alert: an email when a new catalogue image matches.
 *
 * This interface was referenced by `undefined`'s JSON-Schema definition
 * via the `patternProperty` "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$".
 */
export interface Alert {
  /**
   * Alert name shown by OneAtlas (default: the key). Renaming updates in place.
   */
  name?: string;
  /**
   * `subscription` (Living Library), or a contract name from `providers.oneatlas.contracts` or its contractId (Pay-Per-Order).
   */
  context: string;
  /**
   * Constellations to watch: at least one of SPOT, PHR, PNEO (OneAtlas refuses an alert without any).
   *
   * @minItems 1
   */
  constellations: ['SPOT' | 'PHR' | 'PNEO', ...('SPOT' | 'PHR' | 'PNEO')[]];
  /**
   * Catalogue product types to watch: at least one, e.g. [bundle, mono] (OneAtlas refuses an alert without any).
   *
   * @minItems 1
   */
  productTypes: [string, ...string[]];
  /**
   * Cloud cover (default [0, 100]) range [min, max], inclusive, in percent.
   *
   * @minItems 2
   * @maxItems 2
   */
  cloudCover?: [number, number];
  /**
   * Incidence angle (default [0, 90]) range [min, max], inclusive, in degrees.
   *
   * @minItems 2
   * @maxItems 2
   */
  incidenceAngle?: [number, number];
  aoi: AoiGeometry;
}
/**
 * One renamed address.
 */
export interface Moved {
  /**
   * The old address, as state holds it, e.g. `orders.paris-q3`.
   */
  from: string;
  /**
   * The new address, declared in the config, of the same kind, e.g. `orders.paris-2024-q3`.
   */
  to: string;
}
