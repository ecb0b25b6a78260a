export { PEOPLE_TABLE } from './people.schema';
export { PeopleProjection } from './people.projection';
export { listPeople, peopleByIds, peopleByCitizenIdHash, type PersonRow, type ListPeopleQuery } from './people.queries';
