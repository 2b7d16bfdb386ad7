import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/environment';
import { buildDataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`npm run migration:generate -- migrations/<Name>`), run from dist/. */
export default new DataSource(
  buildDataSourceOptions(validateEnvironment(process.env).DATABASE_URL, {
    entities: [`${__dirname}/../../modules/**/*.entity.js`],
  }),
);
