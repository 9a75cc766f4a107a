import { parseArgs } from 'node:util';
import { startAmoSimulator } from './amo-simulator.ts';

// Manual use: node --import tsx plugins/amocrm/simulator/main.ts --port 8123

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8123' },
    host: { type: 'string', default: '127.0.0.1' },
    subdomain: { type: 'string' },
    'rate-limit': { type: 'string' },
    'ban-after': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Неверный порт: ${values.port}`);
  process.exit(2);
}

const sim = await startAmoSimulator({
  port,
  host: values.host,
  ...(values.subdomain ? { subdomain: values.subdomain } : {}),
  ...(values['rate-limit'] ? { rateLimitPerSecond: Number(values['rate-limit']) } : {}),
  ...(values['ban-after'] ? { banAfterViolations: Number(values['ban-after']) } : {}),
});
const token = sim.issueLongLivedToken();

console.log(`Симулятор AmoCRM запущен: ${sim.url}`);
console.log(`Аккаунт: ${sim.subdomain} (id ${sim.accountId})`);
console.log(`Долгосрочный токен:\n${token}\n`);
console.log('Примеры:');
console.log(`  curl -H "Authorization: Bearer ${token.slice(0, 16)}…" ${sim.url}/api/v4/leads/pipelines`);
console.log(`  curl -X POST ${sim.url}/__sim/leads -H 'content-type: application/json' -d '{"name":"Тест","pipeline":"Продажи","status":"Новая заявка","fields":{"Город":"Краснодар"}}'`);
console.log(`  curl -X POST ${sim.url}/__sim/leads/10000001/move -H 'content-type: application/json' -d '{"pipeline":"Продажи","status":"Переговоры"}'`);

const stop = () => {
  sim.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
