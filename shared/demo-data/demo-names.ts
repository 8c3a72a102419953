import type { DemoRandom } from './demo-random';

/**
 * Russian names for demo customers: first names of both genders, the matching patronymic and
 * surname forms, and a Latin spelling for e-mail addresses. Some names carry ё (Алёна,
 * Пётр, Королёв), so the demo exercises the ё = е search folding.
 */

type Gender = 'female' | 'male';
type Name = { readonly ru: string; readonly lat: string };
/** A surname or patronymic in its male and female forms. */
type Pair = { readonly male: string; readonly female: string; readonly lat: string };

const FEMALE_FIRST: readonly Name[] = [
  { ru: 'Анна', lat: 'anna' },
  { ru: 'Мария', lat: 'maria' },
  { ru: 'Елена', lat: 'elena' },
  { ru: 'Ольга', lat: 'olga' },
  { ru: 'Наталья', lat: 'natalia' },
  { ru: 'Татьяна', lat: 'tatiana' },
  { ru: 'Ирина', lat: 'irina' },
  { ru: 'Светлана', lat: 'svetlana' },
  { ru: 'Екатерина', lat: 'ekaterina' },
  { ru: 'Алёна', lat: 'alena' },
  { ru: 'Дарья', lat: 'daria' },
  { ru: 'Юлия', lat: 'yulia' },
  { ru: 'Ксения', lat: 'ksenia' },
  { ru: 'Виктория', lat: 'viktoria' },
  { ru: 'Полина', lat: 'polina' },
  { ru: 'Софья', lat: 'sofia' },
  { ru: 'Людмила', lat: 'lyudmila' },
  { ru: 'Галина', lat: 'galina' },
  { ru: 'Вера', lat: 'vera' },
  { ru: 'Надежда', lat: 'nadezhda' },
];

const MALE_FIRST: readonly Name[] = [
  { ru: 'Александр', lat: 'alexander' },
  { ru: 'Сергей', lat: 'sergey' },
  { ru: 'Дмитрий', lat: 'dmitry' },
  { ru: 'Андрей', lat: 'andrey' },
  { ru: 'Алексей', lat: 'alexey' },
  { ru: 'Максим', lat: 'maxim' },
  { ru: 'Иван', lat: 'ivan' },
  { ru: 'Михаил', lat: 'mikhail' },
  { ru: 'Николай', lat: 'nikolay' },
  { ru: 'Пётр', lat: 'petr' },
  { ru: 'Артём', lat: 'artem' },
  { ru: 'Владимир', lat: 'vladimir' },
  { ru: 'Евгений', lat: 'evgeny' },
  { ru: 'Павел', lat: 'pavel' },
  { ru: 'Роман', lat: 'roman' },
  { ru: 'Семён', lat: 'semen' },
  { ru: 'Фёдор', lat: 'fedor' },
  { ru: 'Игорь', lat: 'igor' },
  { ru: 'Олег', lat: 'oleg' },
  { ru: 'Кирилл', lat: 'kirill' },
];

const SURNAMES: readonly Pair[] = [
  { male: 'Иванов', female: 'Иванова', lat: 'ivanov' },
  { male: 'Смирнов', female: 'Смирнова', lat: 'smirnov' },
  { male: 'Кузнецов', female: 'Кузнецова', lat: 'kuznetsov' },
  { male: 'Попов', female: 'Попова', lat: 'popov' },
  { male: 'Васильев', female: 'Васильева', lat: 'vasiliev' },
  { male: 'Петров', female: 'Петрова', lat: 'petrov' },
  { male: 'Соколов', female: 'Соколова', lat: 'sokolov' },
  { male: 'Михайлов', female: 'Михайлова', lat: 'mikhailov' },
  { male: 'Новиков', female: 'Новикова', lat: 'novikov' },
  { male: 'Фёдоров', female: 'Фёдорова', lat: 'fedorov' },
  { male: 'Морозов', female: 'Морозова', lat: 'morozov' },
  { male: 'Волков', female: 'Волкова', lat: 'volkov' },
  { male: 'Алексеев', female: 'Алексеева', lat: 'alekseev' },
  { male: 'Лебедев', female: 'Лебедева', lat: 'lebedev' },
  { male: 'Семёнов', female: 'Семёнова', lat: 'semenov' },
  { male: 'Егоров', female: 'Егорова', lat: 'egorov' },
  { male: 'Павлов', female: 'Павлова', lat: 'pavlov' },
  { male: 'Козлов', female: 'Козлова', lat: 'kozlov' },
  { male: 'Степанов', female: 'Степанова', lat: 'stepanov' },
  { male: 'Николаев', female: 'Николаева', lat: 'nikolaev' },
  { male: 'Орлов', female: 'Орлова', lat: 'orlov' },
  { male: 'Андреев', female: 'Андреева', lat: 'andreev' },
  { male: 'Макаров', female: 'Макарова', lat: 'makarov' },
  { male: 'Никитин', female: 'Никитина', lat: 'nikitin' },
  { male: 'Захаров', female: 'Захарова', lat: 'zakharov' },
  { male: 'Зайцев', female: 'Зайцева', lat: 'zaytsev' },
  { male: 'Соловьёв', female: 'Соловьёва', lat: 'soloviev' },
  { male: 'Борисов', female: 'Борисова', lat: 'borisov' },
  { male: 'Королёв', female: 'Королёва', lat: 'korolev' },
  { male: 'Белов', female: 'Белова', lat: 'belov' },
  { male: 'Тихонов', female: 'Тихонова', lat: 'tikhonov' },
  { male: 'Григорьев', female: 'Григорьева', lat: 'grigoriev' },
  { male: 'Романов', female: 'Романова', lat: 'romanov' },
  { male: 'Виноградов', female: 'Виноградова', lat: 'vinogradov' },
  { male: 'Ковалёв', female: 'Ковалёва', lat: 'kovalev' },
  { male: 'Ильин', female: 'Ильина', lat: 'ilyin' },
  { male: 'Гусев', female: 'Гусева', lat: 'gusev' },
  { male: 'Титов', female: 'Титова', lat: 'titov' },
  { male: 'Кудрявцев', female: 'Кудрявцева', lat: 'kudryavtsev' },
  { male: 'Баранов', female: 'Баранова', lat: 'baranov' },
  { male: 'Ковальский', female: 'Ковальская', lat: 'kovalsky' },
  { male: 'Островский', female: 'Островская', lat: 'ostrovsky' },
];

const PATRONYMICS: readonly Pair[] = [
  { male: 'Александрович', female: 'Александровна', lat: 'a' },
  { male: 'Сергеевич', female: 'Сергеевна', lat: 's' },
  { male: 'Дмитриевич', female: 'Дмитриевна', lat: 'd' },
  { male: 'Андреевич', female: 'Андреевна', lat: 'a' },
  { male: 'Владимирович', female: 'Владимировна', lat: 'v' },
  { male: 'Николаевич', female: 'Николаевна', lat: 'n' },
  { male: 'Петрович', female: 'Петровна', lat: 'p' },
  { male: 'Михайлович', female: 'Михайловна', lat: 'm' },
  { male: 'Игоревич', female: 'Игоревна', lat: 'i' },
  { male: 'Фёдорович', female: 'Фёдоровна', lat: 'f' },
];

/** e-mail domains reserved for examples (RFC 2606): demo addresses never reach a person. */
const EMAIL_DOMAINS: readonly string[] = ['example.com', 'example.org', 'example.net'];

export type DemoName = {
  /** "Алёна Иванова", or with a patronymic: "Пётр Сергеевич Королёв". */
  readonly full: string;
  /** A plausible address, e.g. `alena.ivanova@example.com`; unique only with `tag`. */
  readonly emailLocal: string;
};

export function demoName(random: DemoRandom): DemoName {
  const gender: Gender = random.chance(0.55) ? 'female' : 'male';
  const first = random.pick(gender === 'female' ? FEMALE_FIRST : MALE_FIRST);
  const surname = random.pick(SURNAMES);
  const last = gender === 'female' ? surname.female : surname.male;
  // Latin female surnames: Иванова → ivanova, Ковальская → kovalskaya.
  const lastLat =
    gender === 'male'
      ? surname.lat
      : surname.lat.endsWith('sky')
        ? `${surname.lat.slice(0, -1)}aya`
        : `${surname.lat}a`;
  const patronymic = random.chance(0.25) ? random.pick(PATRONYMICS) : null;
  const middle = patronymic ? ` ${gender === 'female' ? patronymic.female : patronymic.male}` : '';
  return {
    full: `${first.ru}${middle} ${last}`,
    emailLocal: `${first.lat}.${patronymic ? `${patronymic.lat}.` : ''}${lastLat}`,
  };
}

export function demoEmailDomain(random: DemoRandom): string {
  return random.pick(EMAIL_DOMAINS);
}
