/**
 * Catalog items that are the same for every seed, so examples and docs can name them
 * (sandbox/README.md lists them). Each footprint is centred on its city.
 */
import type { CatalogSeedItem } from './catalog.js';

export const SHOWCASE: CatalogSeedItem[] = [
  { id: '5eed0000-0000-4000-8000-000000000001', constellation: 'PHR', platform: 'PHR1A', city: 'Paris', acquisitionDate: '2024-06-12T10:41:27.500Z', cloudCover: 1.8, incidenceAngle: 8.2, productType: 'mono' },
  { id: '5eed0000-0000-4000-8000-000000000002', constellation: 'PHR', platform: 'PHR1B', city: 'Paris', acquisitionDate: '2023-09-03T10:52:03.250Z', cloudCover: 4.5, incidenceAngle: 14.7, productType: 'stereo' },
  { id: '5eed0000-0000-4000-8000-000000000003', constellation: 'PHR', platform: 'PHR1A', city: 'Toulouse', acquisitionDate: '2023-05-21T10:33:45.000Z', cloudCover: 0, incidenceAngle: 11.3, productType: 'tristereo' },
  { id: '5eed0000-0000-4000-8000-000000000004', constellation: 'SPOT', platform: 'SPOT7', city: 'Toulouse', acquisitionDate: '2024-04-20T10:27:10.100Z', cloudCover: 6.2, incidenceAngle: 17.9, productType: 'mono' },
  { id: '5eed0000-0000-4000-8000-000000000005', constellation: 'SPOT', platform: 'SPOT6', city: 'Rotterdam', acquisitionDate: '2023-11-02T10:58:31.900Z', cloudCover: 12.4, incidenceAngle: 21.0, productType: 'stereo' },
  { id: '5eed0000-0000-4000-8000-000000000006', constellation: 'SPOT', platform: 'SPOT7', city: 'Nairobi', acquisitionDate: '2022-08-15T07:49:02.600Z', cloudCover: 3.1, incidenceAngle: 9.6, productType: 'tristereo' },
  { id: '5eed0000-0000-4000-8000-000000000007', constellation: 'PNEO', platform: 'PNEO3', city: 'Paris', acquisitionDate: '2024-07-01T10:45:12.300Z', cloudCover: 0.4, incidenceAngle: 6.1, productType: 'mono' },
  { id: '5eed0000-0000-4000-8000-000000000008', constellation: 'PNEO', platform: 'PNEO4', city: 'Rotterdam', acquisitionDate: '2024-05-18T10:49:55.700Z', cloudCover: 2.2, incidenceAngle: 12.8, productType: 'stereo' },
  { id: '5eed0000-0000-4000-8000-000000000009', constellation: 'PNEO', platform: 'PNEO3', city: 'Nairobi', acquisitionDate: '2024-02-09T07:55:40.000Z', cloudCover: 5.9, incidenceAngle: 15.5, productType: 'tristereo' },
  { id: '5eed0000-0000-4000-8000-000000000010', constellation: 'PNEO', platform: 'PNEO4', city: 'Toulouse', acquisitionDate: '2025-03-14T10:36:18.800Z', cloudCover: 9.7, incidenceAngle: 19.4, productType: 'mono' },
];
