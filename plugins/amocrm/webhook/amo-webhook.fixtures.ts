/**
 * AmoCRM webhook bodies as the reference decodes them (one `key=value` per line, URL-decoded),
 * from /work/shared/reference/amocrm-api.md §7.3, plus the shapes it only lists (tasks, unsorted,
 * messages). `formBody` re-encodes them and parses them with the exact qs options of the ingest,
 * so tests see what the server sees.
 */
import qs from 'qs';

/** The ingest's form parser settings (PHP-style nesting). */
export const QS_OPTIONS = { depth: 20, arrayLimit: 1000, parameterLimit: 20000, allowPrototypes: false } as const;

/** The raw `application/x-www-form-urlencoded` body of decoded `key=value` lines. */
export function rawForm(lines: string): string {
  return lines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const eq = line.indexOf('=');
      return `${encodeURIComponent(line.slice(0, eq))}=${encodeURIComponent(line.slice(eq + 1))}`;
    })
    .join('&');
}

export function formBody(lines: string): unknown {
  return qs.parse(rawForm(lines), QS_OPTIONS);
}

/** A. Lead added (2022 capture). */
export const LEAD_ADDED = `
leads[add][0][id]=1190401
leads[add][0][name]=AASDASD
leads[add][0][status_id]=53861254
leads[add][0][price]=34343
leads[add][0][responsible_user_id]=9040358
leads[add][0][last_modified]=1672189247
leads[add][0][modified_user_id]=9040358
leads[add][0][created_user_id]=9040358
leads[add][0][date_create]=1672189247
leads[add][0][pipeline_id]=6254262
leads[add][0][account_id]=30739638
leads[add][0][created_at]=1672189247
leads[add][0][updated_at]=1672189247
account[subdomain]=121273hvv
account[id]=30739638
account[_links][self]=https://121273hvv.amocrm.ru
`;

/** B. Lead status changed, with tags, a select and a date field (2018 capture). */
export const LEAD_STATUS = `
leads[status][0][id]=10701093
leads[status][0][name]=Семинар: Пропитание в фитнесе на результат
leads[status][0][status_id]=142
leads[status][0][old_status_id]=20067736
leads[status][0][price]=22500
leads[status][0][responsible_user_id]=2079676
leads[status][0][last_modified]=1539782664
leads[status][0][modified_user_id]=2079718
leads[status][0][created_user_id]=2076025
leads[status][0][date_create]=1539782209
leads[status][0][pipeline_id]=9217056
leads[status][0][tags][0][id]=80147
leads[status][0][tags][0][name]=повторное обращение
leads[status][0][account_id]=17769199
leads[status][0][custom_fields][0][id]=66339
leads[status][0][custom_fields][0][name]=Источник
leads[status][0][custom_fields][0][values][0][value]=Сайт
leads[status][0][custom_fields][0][values][0][enum]=139517
leads[status][0][custom_fields][1][id]=72333
leads[status][0][custom_fields][1][name]=Дата проведения
leads[status][0][custom_fields][1][values][0]=1542067200
account[subdomain]=apfitness
`;

/** C. Lead updated, with a custom field (2021 capture; base keys as in A). */
export const LEAD_UPDATED = `
leads[update][0][id]=5685933
leads[update][0][name]=Заявка с сайта
leads[update][0][status_id]=43315792
leads[update][0][old_status_id]=43315795
leads[update][0][price]=450
leads[update][0][responsible_user_id]=7349650
leads[update][0][last_modified]=1635139016
leads[update][0][modified_user_id]=7349650
leads[update][0][created_user_id]=7349650
leads[update][0][date_create]=1635022800
leads[update][0][pipeline_id]=4769863
leads[update][0][account_id]=29715442
leads[update][0][custom_fields][0][id]=629233
leads[update][0][custom_fields][0][name]=Услуги
leads[update][0][custom_fields][0][values][0][value]=1234
leads[update][0][created_at]=1635022800
leads[update][0][updated_at]=1635139016
account[subdomain]=ablaser
account[id]=29715442
account[_links][self]=https://ablaser.amocrm.ru
`;

/** `leads[responsible]`: the fields of an update plus `old_responsible_user_id`. */
export const LEAD_RESPONSIBLE = `
leads[responsible][0][id]=5685933
leads[responsible][0][name]=Заявка с сайта
leads[responsible][0][status_id]=43315792
leads[responsible][0][pipeline_id]=4769863
leads[responsible][0][responsible_user_id]=7349651
leads[responsible][0][old_responsible_user_id]=7349650
leads[responsible][0][last_modified]=1635139100
leads[responsible][0][updated_at]=1635139100
account[subdomain]=ablaser
account[id]=29715442
`;

/** D. Contact added, with phone and email (Kommo doc example, flattened). */
export const CONTACT_ADDED = `
contacts[add][0][id]=17611273
contacts[add][0][name]=Contact Name
contacts[add][0][responsible_user_id]=11087123
contacts[add][0][date_create]=1726573127
contacts[add][0][last_modified]=1726573127
contacts[add][0][created_user_id]=11087123
contacts[add][0][modified_user_id]=11087123
contacts[add][0][account_id]=32720107
contacts[add][0][custom_fields][0][id]=771906
contacts[add][0][custom_fields][0][name]=Phone
contacts[add][0][custom_fields][0][values][0][value]=1234567890
contacts[add][0][custom_fields][0][values][0][enum]=552476
contacts[add][0][custom_fields][0][code]=PHONE
contacts[add][0][custom_fields][1][id]=771908
contacts[add][0][custom_fields][1][name]=Email
contacts[add][0][custom_fields][1][values][0][value]=contact@example.com
contacts[add][0][custom_fields][1][values][0][enum]=552488
contacts[add][0][custom_fields][1][code]=EMAIL
contacts[add][0][created_at]=1726573127
contacts[add][0][updated_at]=1726573127
contacts[add][0][linked_leads_id][35144366][ID]=35144366
contacts[add][0][type]=contact
account[subdomain]=kommodemo
account[id]=32720107
account[_links][self]=https://kommodemo.kommo.com
`;

/** A company: the contact shape with `[type]=company`. */
export const COMPANY_UPDATED = `
contacts[update][0][id]=17611301
contacts[update][0][name]=ООО «Ромашка»
contacts[update][0][responsible_user_id]=11087123
contacts[update][0][date_create]=1726573000
contacts[update][0][last_modified]=1726574000
contacts[update][0][custom_fields][0][id]=771906
contacts[update][0][custom_fields][0][name]=Телефон
contacts[update][0][custom_fields][0][code]=PHONE
contacts[update][0][custom_fields][0][values][0][value]=8 (861) 200-00-01
contacts[update][0][custom_fields][0][values][0][enum]=552476
contacts[update][0][custom_fields][0][values][1][value]=+7 918 123 45 67
contacts[update][0][custom_fields][0][values][1][enum]=552478
contacts[update][0][created_at]=1726573000
contacts[update][0][updated_at]=1726574000
contacts[update][0][type]=company
account[subdomain]=kommodemo
account[id]=32720107
`;

/** E. Lead deleted, and the bare deletions of a contact and a task. */
export const LEAD_DELETED = `
leads[delete][0][id]=12345678
leads[delete][0][status_id]=67548607
leads[delete][0][pipeline_id]=8572511
account[subdomain]=kommodemo
account[id]=32720107
`;

export const CONTACT_DELETED = `
contacts[delete][0][id]=17611273
contacts[delete][0][type]=contact
account[subdomain]=kommodemo
account[id]=32720107
`;

export const TASK_DELETED = `
task[delete][0][id]=30145
account[subdomain]=kommodemo
account[id]=32720107
`;

/** F. Note added to a lead (doc; 2020 capture). */
export const LEAD_NOTE = `
leads[note][0][note][id]=4600471
leads[note][0][note][text]=note text
leads[note][0][note][note_type]=4
leads[note][0][note][element_type]=2
leads[note][0][note][element_id]=15320411
leads[note][0][note][date_create]=2024-09-17 16:38:11
leads[note][0][note][created_by]=11087123
leads[note][0][note][main_user_id]=11087123
leads[note][0][note][account_id]=32720107
leads[note][0][note][created_at]=1726580291
leads[note][0][note][updated_at]=1726580329
account[subdomain]=kommodemo
`;

/** A note on a company, sent under `contacts[note]` (element_type 3); only the local date is given. */
export const COMPANY_NOTE = `
contacts[note][0][note][id]=4600480
contacts[note][0][note][text]=Звонили, просят КП
contacts[note][0][note][note_type]=4
contacts[note][0][note][element_type]=3
contacts[note][0][note][element_id]=17611301
contacts[note][0][note][date_create]=2024-09-17 16:38:11
contacts[note][0][note][created_by]=11087123
contacts[note][0][type]=company
account[subdomain]=kommodemo
account[id]=32720107
`;

/** Tasks: the fields the reference lists for `task[add|update]`. */
export const TASK_ADDED = `
task[add][0][id]=30145
task[add][0][element_id]=1190401
task[add][0][element_type]=2
task[add][0][task_type]=1
task[add][0][text]=Перезвонить клиенту
task[add][0][status]=0
task[add][0][complete_till]=2024-09-18 23:59:00
task[add][0][complete_before]=1726693140
task[add][0][action_close]=1
task[add][0][responsible_user_id]=9040358
task[add][0][created_user_id]=9040358
task[add][0][date_create]=1726580000
task[add][0][last_modified]=1726580000
task[add][0][account_id]=30739638
account[subdomain]=121273hvv
account[id]=30739638
`;

export const TASK_UPDATED = `
task[update][0][id]=30145
task[update][0][element_id]=1190401
task[update][0][element_type]=2
task[update][0][task_type]=1
task[update][0][text]=Перезвонить клиенту
task[update][0][status]=1
task[update][0][complete_till]=2024-09-18 23:59:00
task[update][0][result][id]=812
task[update][0][result][text]=Дозвонились, ждёт счёт
task[update][0][responsible_user_id]=9040358
task[update][0][last_modified]=1726590000
account[subdomain]=121273hvv
account[id]=30739638
`;

/** Incoming leads («Неразобранное»); the exact key set is inferred, ids are what matter. */
export const UNSORTED_ADDED = `
unsorted[add][0][uid]=f0c5e1a2b3c4d5e6f7a8b9c0d1e2f3a4
unsorted[add][0][source]=site.ru
unsorted[add][0][source_uid]=form-17
unsorted[add][0][category]=forms
unsorted[add][0][pipeline_id]=6254262
unsorted[add][0][created_at]=1726580000
unsorted[add][0][lead_id]=1190402
unsorted[add][0][data][leads][0][id]=1190402
unsorted[add][0][data][leads][0][name]=Заявка с формы
unsorted[add][0][data][contacts][0][id]=17611280
unsorted[add][0][account_id]=30739638
account[subdomain]=121273hvv
account[id]=30739638
`;

export const UNSORTED_DELETED = `
unsorted[delete][0][uid]=f0c5e1a2b3c4d5e6f7a8b9c0d1e2f3a4
unsorted[delete][0][action]=accept
unsorted[delete][0][accept_result][leads][0]=1190402
unsorted[delete][0][accept_result][contacts][0]=17611280
account[subdomain]=121273hvv
account[id]=30739638
`;

/** A chat message (fields as the reference lists them). */
export const MESSAGE_ADDED = `
message[add][0][id]=5a0c37b4-5f3e-4c2a-9d1e-0f6b8a2c7e11
message[add][0][chat_id]=2f9e8d7c-6b5a-4938-8271-605f4e3d2c1b
message[add][0][talk_id]=512
message[add][0][contact_id]=17611273
message[add][0][text]=Здравствуйте, сколько стоит доставка?
message[add][0][created_at]=1726580400
message[add][0][element_type]=2
message[add][0][element_id]=1190401
message[add][0][entity_type]=lead
message[add][0][entity_id]=1190401
message[add][0][type]=incoming
message[add][0][author][id]=8e1f2a3b-0000-4000-8000-000000000001
message[add][0][author][type]=external
message[add][0][author][name]=Алексей
message[add][0][author][avatar_url]=https://example.test/a.png
message[add][0][origin]=telegram
account[subdomain]=121273hvv
account[id]=30739638
`;
