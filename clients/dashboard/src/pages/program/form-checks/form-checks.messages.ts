import { defineMessages, format, useFormat, useMessages } from '../../../i18n/i18n.js';
import type { Problem, ProblemKey } from './form-checks.js';

const problemMessages = defineMessages<ProblemKey>({
  en: {
    required: 'Required',
    wholeNumber: 'Enter a whole number from {min} to {max}',
    decimal: 'Enter a number with at most two decimals, e.g. 5.00',
    multiplierDecimals: 'At most two decimals, e.g. 1.25',
    numberRange: 'Enter a number from {min} to {max}',
    increasing: 'Must be above the previous one ({previous})',
    textLength: 'Enter 1 to {max} characters',
    tooMany: 'At most {max}',
    capOrder: 'Must not be above the lifetime cap ({value})',
    minAboveMax: 'The lowest must not be above the highest',
    thresholdList: 'Enter 4 whole numbers from {min} to {max}, separated by commas',
    thresholdAscending: 'Each number must be above the one before',
    handle: 'Lower-case letters and digits in words joined by hyphens, at most {max} characters, e.g. win-back',
    handleTaken: 'Another segment has this handle',
  },
  es: {
    required: 'Obligatorio',
    wholeNumber: 'Introduce un número entero de {min} a {max}',
    decimal: 'Introduce un número con dos decimales como máximo, p. ej. 5.00',
    multiplierDecimals: 'Dos decimales como máximo, p. ej. 1.25',
    numberRange: 'Introduce un número de {min} a {max}',
    increasing: 'Debe ser mayor que el anterior ({previous})',
    textLength: 'Introduce de 1 a {max} caracteres',
    tooMany: 'Como máximo {max}',
    capOrder: 'No puede superar el límite total ({value})',
    minAboveMax: 'El mínimo no puede superar el máximo',
    thresholdList: 'Introduce 4 números enteros de {min} a {max}, separados por comas',
    thresholdAscending: 'Cada número debe ser mayor que el anterior',
    handle: 'Minúsculas y dígitos en palabras unidas por guiones, {max} caracteres como máximo, p. ej. win-back',
    handleTaken: 'Otro segmento tiene este identificador',
  },
  fr: {
    required: 'Obligatoire',
    wholeNumber: 'Saisissez un nombre entier de {min} à {max}',
    decimal: 'Saisissez un nombre avec au plus deux décimales, p. ex. 5.00',
    multiplierDecimals: 'Au plus deux décimales, p. ex. 1.25',
    numberRange: 'Saisissez un nombre de {min} à {max}',
    increasing: 'Doit dépasser le précédent ({previous})',
    textLength: 'Saisissez de 1 à {max} caractères',
    tooMany: 'Au plus {max}',
    capOrder: 'Ne doit pas dépasser le plafond total ({value})',
    minAboveMax: 'Le minimum ne doit pas dépasser le maximum',
    thresholdList: 'Saisissez 4 nombres entiers de {min} à {max}, séparés par des virgules',
    thresholdAscending: 'Chaque nombre doit dépasser le précédent',
    handle: 'Minuscules et chiffres en mots reliés par des tirets, {max} caractères au plus, p. ex. win-back',
    handleTaken: 'Un autre segment a cet identifiant',
  },
});

/** A client-side problem in the merchant's language, its numbers as the merchant writes them. */
export function useProblemText(): (problem: Problem) => string {
  const t = useMessages(problemMessages);
  const { number } = useFormat();
  return (problem) =>
    format(t[problem.key], Object.fromEntries(Object.entries(problem.values ?? {}).map(([name, value]) => [name, typeof value === 'number' ? number(value) : value])));
}
